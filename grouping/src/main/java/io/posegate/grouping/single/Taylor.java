package io.posegate.grouping.single;

/**
 * DARK's sub-cell refinement (Zhang et al., "Distribution-Aware Coordinate Representation for Human Pose
 * Estimation", 2020): a second-order Taylor expansion of the log-heatmap at the argmax, offset
 * {@code -H^-1 g} with central differences. Needs two cells of margin on each side and a non-singular
 * Hessian; otherwise no offset. Results are packed into a long (two floats) to stay allocation-free.
 */
final class Taylor {
    private static final float FLOOR = 1e-10f;
    /** Larger offsets (a flat or odd neighbourhood) are dropped: the peak cell is kept. */
    private static final float MAX_OFFSET = 1f;

    private Taylor() {
    }

    static long offset(float[] plane, int h, int w, int x, int y) {
        if (x < 2 || x > w - 3 || y < 2 || y > h - 3) {
            return pack(0f, 0f);
        }
        double c = log(plane, y, x, w);
        double gx = 0.5 * (log(plane, y, x + 1, w) - log(plane, y, x - 1, w));
        double gy = 0.5 * (log(plane, y + 1, x, w) - log(plane, y - 1, x, w));
        double hxx = 0.25 * (log(plane, y, x + 2, w) - 2 * c + log(plane, y, x - 2, w));
        double hyy = 0.25 * (log(plane, y + 2, x, w) - 2 * c + log(plane, y - 2, x, w));
        double hxy = 0.25 * (log(plane, y + 1, x + 1, w) - log(plane, y - 1, x + 1, w)
                - log(plane, y + 1, x - 1, w) + log(plane, y - 1, x - 1, w));
        double det = hxx * hyy - hxy * hxy;
        if (det == 0 || !Double.isFinite(det)) {
            return pack(0f, 0f);
        }
        double ox = -(hyy * gx - hxy * gy) / det;
        double oy = -(-hxy * gx + hxx * gy) / det;
        if (!(Math.abs(ox) <= MAX_OFFSET && Math.abs(oy) <= MAX_OFFSET)) {
            return pack(0f, 0f);
        }
        return pack((float) ox, (float) oy);
    }

    static float dx(long packed) {
        return Float.intBitsToFloat((int) (packed >>> 32));
    }

    static float dy(long packed) {
        return Float.intBitsToFloat((int) packed);
    }

    private static long pack(float dx, float dy) {
        return ((long) Float.floatToRawIntBits(dx) << 32) | (Float.floatToRawIntBits(dy) & 0xffffffffL);
    }

    private static double log(float[] plane, int y, int x, int w) {
        return Math.log(Math.max(plane[y * w + x], FLOOR));
    }
}
