package io.posegate.gateway.ingest.ffmpeg;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How FFmpeg scales a stream's pictures to the size the model needs, set per source with the {@code scale}
 * option ({@code file:clip.mp4#scale=direct}, or {@code scale: direct} in the stream's {@code options:}).
 * Both use swscale's fast bilinear filter; they differ in where the colour conversion happens.
 */
public enum ScaleMode {
    /**
     * The default. A YUV 4:2:0 picture is scaled in YUV first (swscale's SIMD scalers), then converted to BGR
     * at the final size by swscale's SIMD colour converter: about a third of the CPU of {@link #DIRECT} on
     * 768x576 to 341x256. Pixels differ from {@link #DIRECT} by about 2 levels of 255 on average (8-bit
     * rounding between the passes), and both are as far from an area-averaged reference. Other pixel
     * formats (MJPEG's full-range YUV, RGB sources) and pictures not resized are converted as {@link #DIRECT}.
     */
    PLANAR,
    /** One swscale pass from the decoded picture straight to BGR at the target size: the behaviour before this option. */
    DIRECT;

    /** The lower-case name used in options. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the bad value and the known ones */
    public static ScaleMode parse(String value) {
        for (ScaleMode m : values()) {
            if (m.option().equals(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("option 'scale' must be one of "
                + Arrays.stream(values()).map(ScaleMode::option).collect(Collectors.joining(", ")) + ", got '" + value + "'");
    }
}
