package io.posegate.grouping;

/**
 * The error for a map holding NaN or an infinity: a broken network output (an fp16 overflow, uninitialised
 * memory, a broken quantised graph), never a value to decode. Decoders check the values their steps take
 * (candidate cells past the threshold test, maxima, samples), one compare each, so finite input costs no more, and refuse
 * the frame with this error, naming the role, the channel (with its keypoint) and the first bad cell; the
 * decoder stays usable for the next frame. Stateless.
 */
public final class NonFinite {
    private NonFinite() {
    }

    /**
     * The error for {@code value} at (y, x) of channel {@code channel} of {@code role}.
     *
     * @param keypoint the channel's keypoint name, or null when the channel is not one keypoint's (PAFs, offsets)
     */
    public static IllegalArgumentException at(String role, int channel, String keypoint, int y, int x, float value) {
        return new IllegalArgumentException(role + " channel " + channel + (keypoint == null ? "" : " (" + keypoint + ")")
                + " holds " + value + " at y=" + y + ", x=" + x + ": a non-finite network output; frame refused");
    }

    /**
     * Throws {@link #at} for the first non-finite cell (raster order) of channel {@code c} of {@code map}, if any.
     * The slow path, for after a fused check saw a non-finite value in or derived from that channel.
     */
    public static void requireFinite(FeatureMap map, String role, int c, String keypoint) {
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                float v = map.get(c, y, x);
                if (!Float.isFinite(v)) {
                    throw at(role, c, keypoint, y, x, v);
                }
            }
        }
    }

    /**
     * Throws {@link #at} for the first non-finite cell of the {@code h x w} plane {@code plane} (raster order
     * from index 0), read from channel {@code c} of {@code role}, if any.
     */
    public static void requireFinite(float[] plane, int h, int w, String role, int c, String keypoint) {
        for (int i = 0; i < h * w; i++) {
            if (!Float.isFinite(plane[i])) {
                throw at(role, c, keypoint, i / w, i % w, plane[i]);
            }
        }
    }
}
