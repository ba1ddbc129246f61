package io.posegate.gateway.demo;

import static java.util.Objects.requireNonNull;

import io.posegate.grouping.synth.MarkerCode;

/**
 * A deterministic scene of people walking back and forth on lanes at different depths (farther lanes
 * higher and smaller, drawn first), so that they cross in front of each other. Everything is a pure
 * function of the frame index: {@link #people} gives the ground truth, {@link #render} the picture.
 *
 * <p>After all bodies, each visible joint is painted as a disc in the {@link MarkerCode#DEMO} colour of
 * its (person slot, keypoint), inside a dark ring that keeps it apart from anything next to it. Joints
 * of a person behind another stay marked, as a network trained on COCO (whose labels include occluded
 * joints) still finds them. Markers are painted by keypoint type, the face and the limb ends first and
 * the neck last ({@link MarkerVisibility}), then by depth. A joint is <i>visible</i> only when its whole
 * disc and ring lie inside the picture and no marker painted after it comes near; so where people
 * cross, a wrist or an ear yields to a neck or a hip, which keep each skeleton in one piece. A joint
 * whose parent on the way to the neck is not visible is not visible either, so every marked joint hangs
 * together with its person's neck. A joint that is not visible gets no marker at all and is
 * {@code null} in {@link #people}. So a decoder that
 * finds the markers finds exactly the visible joints, at their true positions.
 *
 * <p>Immutable and thread-safe.
 */
public final class DemoScene {
    public static final int DEFAULT_WIDTH = 640;
    public static final int DEFAULT_HEIGHT = 360;
    public static final int DEFAULT_PEOPLE = 4;
    static final int[][] BODY_BGR = {
        {40, 140, 235}, {80, 190, 60}, {170, 80, 200}, {40, 200, 220},
        {150, 150, 150}, {60, 60, 210}, {140, 190, 120}, {100, 130, 40}};
    static final int[] HEAD_BGR = {140, 180, 225};
    static final int[] RING_BGR = {25, 25, 25};

    private final int width;
    private final int height;
    private final double markerRadius;
    private final ScenePainter painter;
    private final SceneOptions options;
    private final SceneMotion motion;

    /**
     * The standard scene ({@link SceneOptions#NONE}).
     *
     * @throws IllegalArgumentException if the picture is smaller than 64x64 or {@code people} is not
     *                                  between 1 and the {@link MarkerCode#DEMO} slots (8)
     */
    public DemoScene(int width, int height, int people) {
        this(width, height, people, SceneOptions.NONE);
    }

    /** A scene made harder by {@code options} (see {@link SceneOptions}). */
    public DemoScene(int width, int height, int people, SceneOptions options) {
        this.options = requireNonNull(options, "options is null");
        if (width < 64 || height < 64) {
            throw new IllegalArgumentException("demo scene size " + width + "x" + height + " is below 64x64");
        }
        if (people < 1 || people > MarkerCode.DEMO.slots()) {
            throw new IllegalArgumentException("demo people must be 1.." + MarkerCode.DEMO.slots() + ", got " + people);
        }
        this.width = width;
        this.height = height;
        double sf = Math.max(width / (double) DEFAULT_WIDTH, height / (double) DEFAULT_HEIGHT);
        this.markerRadius = 4 * sf;
        double ringWidth = 2 * sf;
        SceneLayout layout = SceneLayout.of(width, height, people, options);
        this.motion = new SceneMotion(width, height, layout, markerRadius, ringWidth, options);
        this.painter = new ScenePainter(width, height, markerRadius, ringWidth);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Number of person slots (people in the scene, visible or not). */
    public int peopleCount() {
        return motion.people();
    }

    public SceneOptions options() {
        return options;
    }

    /** Scene time of frame {@code frameIndex} in frame periods: the index itself unless the options add jitter. */
    public double time(long frameIndex) {
        return options.time(frameIndex);
    }

    /**
     * The ground truth of frame {@code frameIndex}: every person with at least one visible joint, with an
     * identity that is the person slot, or with {@link SceneOptions#enterLeave()} the slot plus 8 times the
     * visits made so far (a person who walks out and comes back is a new identity). Freshly allocated.
     */
    public java.util.List<TruthPerson> truth(long frameIndex) {
        return SceneTruth.truth(motion, frameIndex);
    }

    /**
     * One ground-truth person of a frame.
     *
     * @param id        identity (stable while the person stays in the picture)
     * @param keypoints [keypoint] = {x, y} in source pixels, or null when not visible
     * @param area      area of the whole body's joint box (visible or not), the OKS scale
     */
    public record TruthPerson(int id, float[][] keypoints, float area) {
    }

    /** Radius of a joint marker disc in source pixels (its dark ring is half as wide again). */
    public double markerRadius() {
        return markerRadius;
    }

    /**
     * The ground truth of frame {@code frameIndex}: [person slot][keypoint] = {x, y} in source pixels
     * (pixel i spans [i, i+1)), or null when that joint is not visible. Freshly allocated on each call.
     *
     * @throws IllegalArgumentException if {@code frameIndex} is negative
     */
    public float[][][] people(long frameIndex) {
        return SceneTruth.people(motion, frameIndex);
    }

    /** Renders frame {@code frameIndex} into a new packed-BGR picture. */
    public byte[] render(long frameIndex) {
        byte[] bgr = new byte[width * height * 3];
        render(frameIndex, bgr);
        return bgr;
    }

    /**
     * Renders frame {@code frameIndex} into {@code bgr} (packed BGR, stride width * 3, at least
     * width * height * 3 bytes), overwriting it.
     */
    public void render(long frameIndex, byte[] bgr) {
        requireNonNull(bgr, "bgr is null");
        if (bgr.length < painter.size()) {
            throw new IllegalArgumentException("picture of " + bgr.length + " bytes is too small for " + width + "x" + height + " BGR");
        }
        Walker.Body[] bodies = motion.bodies(frameIndex);
        boolean[][] visible = motion.visibility(bodies, frameIndex);
        painter.paint(bgr, bodies, visible, motion.bar(frameIndex));
    }
}
