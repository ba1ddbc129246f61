package io.posegate.grouping.synth;

/**
 * The colour code that ties the demo scene to the simulated backend. The scene paints each visible
 * joint as a small disc of one pure colour: blue at {@link #blue()} marks "this is a joint", red says
 * which keypoint ({@code redBase + k * redStep}) and green which person slot
 * ({@code greenBase + p * greenStep}). Everything else in the scene has blue well below the marker
 * level, so a pixel is read as a marker only when all three channels sit within {@link #tolerance()} of
 * the code grid; pixels blurred by resizing fall off the grid and are ignored.
 *
 * <p>Immutable and thread-safe. Channel values are 0..255.
 *
 * @param blue      blue level of every marker
 * @param redBase   red level of keypoint 0
 * @param redStep   red step between consecutive keypoints
 * @param greenBase green level of person slot 0
 * @param greenStep green step between consecutive person slots
 * @param tolerance how far (inclusive) a channel may sit from its grid value and still decode
 * @param keypoints number of keypoint types encoded
 * @param slots     number of person slots encoded
 */
public record MarkerCode(int blue, int redBase, int redStep, int greenBase, int greenStep, int tolerance,
                         int keypoints, int slots) {
    /** The code the demo scene paints with; {@code config/models/demo.sim.properties} holds the same values. */
    public static final MarkerCode DEMO = new MarkerCode(255, 8, 13, 16, 32, 4, 18, 8);

    /** Highest blue level any non-marker pixel of the demo scene uses. */
    public static final int MAX_SCENE_BLUE = 200;

    public MarkerCode {
        if (redStep <= 2 * tolerance || greenStep <= 2 * tolerance) {
            throw new IllegalArgumentException("marker code steps (red " + redStep + ", green " + greenStep
                    + ") must exceed twice the tolerance " + tolerance);
        }
        if (redBase - tolerance < 0 || redBase + (keypoints - 1) * redStep + tolerance > 255) {
            throw new IllegalArgumentException("red levels of " + keypoints + " keypoints leave 0..255");
        }
        if (greenBase - tolerance < 0 || greenBase + (slots - 1) * greenStep + tolerance > 255) {
            throw new IllegalArgumentException("green levels of " + slots + " person slots leave 0..255");
        }
        if (blue - tolerance <= MAX_SCENE_BLUE || blue > 255) {
            throw new IllegalArgumentException("marker blue " + blue + " must be in (" + (MAX_SCENE_BLUE + tolerance) + ", 255]");
        }
    }

    public int red(int keypoint) {
        return redBase + keypoint * redStep;
    }

    public int green(int slot) {
        return greenBase + slot * greenStep;
    }

    /** True if {@code b} is close enough to the marker blue. */
    public boolean isMarkerBlue(float b) {
        return Math.abs(b - blue) <= tolerance;
    }

    /** The keypoint whose red level {@code r} is, or -1 when it is off the grid. */
    public int keypointOf(float r) {
        return level(r, redBase, redStep, keypoints);
    }

    /** The person slot whose green level {@code g} is, or -1 when it is off the grid. */
    public int slotOf(float g) {
        return level(g, greenBase, greenStep, slots);
    }

    /** The code (slot * keypoints + keypoint) of an RGB pixel, or -1 when it is not a marker pixel. */
    public int decode(float r, float g, float b) {
        if (!isMarkerBlue(b)) {
            return -1;
        }
        int k = keypointOf(r);
        int p = slotOf(g);
        return k < 0 || p < 0 ? -1 : p * keypoints + k;
    }

    private int level(float v, int base, int step, int count) {
        int i = Math.round((v - base) / step);
        if (i < 0 || i >= count) {
            return -1;
        }
        return Math.abs(v - (base + i * step)) <= tolerance ? i : -1;
    }
}
