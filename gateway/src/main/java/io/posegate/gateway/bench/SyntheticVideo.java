package io.posegate.gateway.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Writes an H.264 MP4 with content that does not compress to nothing: a drifting colour gradient,
 * moving bars and per-block noise, so decoding costs what a camera picture costs.
 */
public final class SyntheticVideo {
    private SyntheticVideo() {
    }

    public static Path write(Path file, int width, int height, int frames, double fps, int bitrate) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toString(), width, height)) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setGopSize((int) Math.round(fps));
            rec.setVideoBitrate(bitrate);
            rec.start();
            Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
            byte[] row = new byte[frame.imageStride];
            ByteBuffer buf = (ByteBuffer) frame.image[0];
            long seed = 42;
            for (int i = 0; i < frames; i++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        if ((x & 15) == 0) {
                            seed = seed * 6364136223846793005L + 1442695040888963407L;
                        }
                        int noise = (int) ((seed >>> 33) & 31);
                        boolean bar = ((x + i * 8) / 96) % 2 == 0 && ((y + i * 3) / 64) % 3 == 0;
                        row[x * 3] = (byte) ((x + i * 2) * 255 / width + noise);
                        row[x * 3 + 1] = (byte) (bar ? 230 : (y * 255 / height) - noise);
                        row[x * 3 + 2] = (byte) ((x + y + i * 4) & 0xFF);
                    }
                    buf.put(y * frame.imageStride, row, 0, frame.imageStride);
                }
                rec.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            rec.stop();
        }
        return file;
    }
}
