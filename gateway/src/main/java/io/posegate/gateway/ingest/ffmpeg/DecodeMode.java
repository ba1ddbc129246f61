package io.posegate.gateway.ingest.ffmpeg;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much of a stream FFmpeg decodes, set per source with the {@code decode} option
 * ({@code rtsp://cam/stream#decode=fast}, or {@code decode: fast} in the stream's {@code options:}).
 * Every mode decodes every frame that the pipeline will use in full, except {@link #FAST}, which trades
 * picture quality for CPU, and {@link #KEYFRAMES}, which uses key frames only.
 */
public enum DecodeMode {
    /** Every packet fully decoded: the behaviour before these modes existed. */
    ALL,
    /**
     * The default. While a frame decoded now would be dropped (the stream's slot still holds a frame no worker
     * has taken, or a live stream's fps cap would refuse it), FFmpeg discards non-reference frames
     * ({@code skip_frame=noref}, AVDISCARD_NONREF) instead of decoding them. No other frame is predicted from a non-reference
     * frame, so the frames that are used are bit-identical to {@link #ALL}. Saves CPU only on streams that
     * have non-reference frames (B-frames of most Main/High profile encoders); a P-only stream (Baseline, many
     * IP cameras) decodes exactly as with {@link #ALL}.
     */
    AUTO,
    /**
     * As {@link #AUTO}, and while the stream drops most of its frames (more than half of the decoded frames
     * over a window; back to normal below a quarter) H.264/HEVC in-loop deblocking is skipped
     * ({@code skip_loop_filter=all}). A third less decoding CPU on a 720p H.264 stream, but the used frames
     * change: block edges show at low bitrates, until the next key frame after deblocking is back on.
     */
    FAST,
    /** Only key frames are decoded ({@code skip_frame=nokey}): one frame per GOP, for slow inference on many streams. */
    KEYFRAMES;

    /** The lower-case name used in options. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the bad value and the known ones */
    public static DecodeMode parse(String value) {
        for (DecodeMode m : values()) {
            if (m.option().equals(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("option 'decode' must be one of "
                + Arrays.stream(values()).map(DecodeMode::option).collect(Collectors.joining(", ")) + ", got '" + value + "'");
    }
}
