package io.posegate.gateway.ingest.ffmpeg;

import java.lang.reflect.Field;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * A private field of JavaCV's {@link FFmpegFrameGrabber} that the gateway reads (the decoded picture, the
 * video codec context). Found once; when a JavaCV version no longer has it with the expected type,
 * {@link #available()} is false and {@link #of} returns null, so callers fall back to JavaCV's own path.
 * Thread-safe.
 */
final class GrabberField<T> {
    private final Class<T> type;
    private final Field field;

    GrabberField(String name, Class<T> type) {
        this.type = type;
        this.field = find(name, type);
    }

    boolean available() {
        return field != null;
    }

    /** The field's value in {@code grabber} (owned by the grabber), or null when absent or unreadable. */
    T of(FFmpegFrameGrabber grabber) {
        if (field == null) {
            return null;
        }
        try {
            return type.cast(field.get(grabber));
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static Field find(String name, Class<?> type) {
        try {
            Field f = FFmpegFrameGrabber.class.getDeclaredField(name);
            if (!type.isAssignableFrom(f.getType())) {
                return null;
            }
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
