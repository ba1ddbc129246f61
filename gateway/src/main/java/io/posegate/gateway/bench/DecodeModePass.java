package io.posegate.gateway.bench;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.FrameSink;
import io.posegate.gateway.ingest.Pacing;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.ingest.ffmpeg.DecodeMode;
import io.posegate.gateway.ingest.ffmpeg.FfmpegInput;
import io.posegate.gateway.ingest.ffmpeg.FfmpegSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One pass over a video read as a live stream (every packet, as fast as FFmpeg goes) under a
 * {@link DecodeMode}, with a consumer that takes a frame every {@code keep} frame intervals of the video's
 * own time: the decode work of one camera whose frames are mostly dropped because inference is slower.
 * Measures the reading thread's CPU time. Deterministic: which frames are used depends on the frames'
 * timestamps only, never on timing. Not thread-safe.
 */
public final class DecodeModePass {
    private DecodeModePass() {
    }

    /**
     * @param keep a frame is used every {@code keep} frame intervals of video time (1 uses every frame)
     * @param fps  the video's frame rate
     * @param size the size frames are converted to ({@code 0x0} keeps the picture's)
     */
    public static Result run(Path video, DecodeMode mode, int keep, double fps, TargetSize size) throws IOException {
        requireNonNull(video, "video is null");
        FfmpegInput input = new FfmpegInput("file:" + video.toAbsolutePath(), video.getFileName().toString(), null,
                Map.of("protocol_whitelist", "file"), true, false, false, 1, mode);
        FfmpegSource source = new FfmpegSource(input, size, 0);
        EveryInterval sink = new EveryInterval(source, Math.round(Math.max(1, keep) * 1e6 / fps) - 1);
        source.attach(sink);
        VideoFrame frame = new VideoFrame();
        long cpu0 = Pacing.threadCpuNanos();
        try {
            source.open();
            while (source.read(frame)) {
                sink.taken();
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).endsWith("stream ended")) {
                throw e;
            }
        } finally {
            source.close();
        }
        return new Result(mode, source.framesDecoded(), sink.used, (Pacing.threadCpuNanos() - cpu0) / 1e9);
    }

    /**
     * @param decoded    pictures the decoder produced
     * @param used       frames converted and handed on
     * @param cpuSeconds CPU time of the reading thread (open, demux, decode, convert)
     */
    public record Result(DecodeMode mode, long decoded, long used, double cpuSeconds) {
    }

    /** Full until the video has moved on by the interval since the frame taken last. */
    private static final class EveryInterval implements FrameSink {
        private final FfmpegSource source;
        private final long intervalMicros;
        private long lastTaken = Long.MIN_VALUE;
        private long used;

        EveryInterval(FfmpegSource source, long intervalMicros) {
            this.source = source;
            this.intervalMicros = intervalMicros;
        }

        void taken() {
            used++;
            lastTaken = source.positionMicros();
        }

        @Override
        public boolean full() {
            long at = source.positionMicros();
            return lastTaken != Long.MIN_VALUE && at != Long.MIN_VALUE && at - lastTaken < intervalMicros;
        }

        @Override
        public VideoFrame acquire() {
            throw new UnsupportedOperationException("frames are read directly");
        }

        @Override
        public void publish(VideoFrame frame) {
            throw new UnsupportedOperationException("frames are read directly");
        }

        @Override
        public void recycle(VideoFrame frame) {
            throw new UnsupportedOperationException("frames are read directly");
        }
    }
}
