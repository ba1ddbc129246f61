package io.posegate.gateway.ingest.ffmpeg;

import java.lang.reflect.Field;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * The picture a {@link FFmpegFrameGrabber} decoded last, before any colour conversion. JavaCV can grab
 * without converting ({@code grabFrame(false, true, false, false)}) but keeps the decoded frame private;
 * this reads it so that the gateway converts only the frames it keeps, once, straight to the size it
 * needs. When a JavaCV version no longer has the field, {@link #available()} is false and sources fall
 * back to converting every frame.
 */
final class DecodedPicture {
    private static final Field PICTURE = find();

    private DecodedPicture() {
    }

    static boolean available() {
        return PICTURE != null;
    }

    /** The grabber's last decoded picture (owned by the grabber, valid until its next grab), or null. */
    static AVFrame of(FFmpegFrameGrabber grabber) {
        try {
            return (AVFrame) PICTURE.get(grabber);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static Field find() {
        try {
            Field f = FFmpegFrameGrabber.class.getDeclaredField("picture");
            if (!AVFrame.class.isAssignableFrom(f.getType())) {
                return null;
            }
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
