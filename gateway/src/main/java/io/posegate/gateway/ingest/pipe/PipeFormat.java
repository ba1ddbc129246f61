package io.posegate.gateway.ingest.pipe;

import io.posegate.gateway.ingest.SourceUri;
import java.util.Locale;

/**
 * What a {@code pipe:} command writes: {@code format=mjpeg} (the default; JPEG SOI..EOI framing) or
 * {@code format=bgr24} with {@code size=WIDTHxHEIGHT} (raw packed frames back to back).
 *
 * @param mjpeg        true for MJPEG
 * @param width        raw frame width (0 for MJPEG)
 * @param height       raw frame height (0 for MJPEG)
 * @param maxJpegBytes the largest JPEG accepted
 */
public record PipeFormat(boolean mjpeg, int width, int height, int maxJpegBytes) {
    public static final int DEFAULT_MAX_JPEG_BYTES = 16 << 20;

    public static PipeFormat mjpegFormat() {
        return new PipeFormat(true, 0, 0, DEFAULT_MAX_JPEG_BYTES);
    }

    /** Reads {@code format} and {@code size} from the options; errors name the option. */
    public static PipeFormat from(SourceUri uri) {
        String format = uri.option("format", "mjpeg").toLowerCase(Locale.ROOT);
        switch (format) {
            case "mjpeg":
                return mjpegFormat();
            case "bgr24":
                String size = uri.option("size", "");
                String[] wh = size.toLowerCase(Locale.ROOT).split("x");
                try {
                    int w = Integer.parseInt(wh[0]);
                    int h = Integer.parseInt(wh[1]);
                    if (wh.length == 2 && w > 0 && h > 0 && (long) w * h * 3 <= Integer.MAX_VALUE) {
                        return new PipeFormat(false, w, h, 0);
                    }
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    // fall through to the error below
                }
                throw new IllegalArgumentException("pipe: option 'size' must be WIDTHxHEIGHT for format=bgr24, got '"
                        + size + "'");
            default:
                throw new IllegalArgumentException("pipe: option 'format' must be mjpeg or bgr24, got '" + format + "'");
        }
    }
}
