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
    private static final int[] PERIODS = {240, 330, 280, 390, 300, 360, 260, 420};
    static final int[][] BODY_BGR = {
        {40, 140, 235}, {80, 190, 60}, {170, 80, 200}, {40, 200, 220},
        {150, 150, 150}, {60, 60, 210}, {140, 190, 120}, {100, 130, 40}};
    static final int[] HEAD_BGR = {140, 180, 225};
    static final int[] RING_BGR = {25, 25, 25};

    private final int width;
    private final int height;
    private final Walker[] walkers;
    private final double markerRadius;
    private final double ringWidth;
    private final byte[] background;
    private final SceneOptions options;
    private final double barPhase;

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
        this.ringWidth = 2 * sf;
        this.walkers = new Walker[people];
        java.util.SplittableRandom random = new java.util.SplittableRandom(options.seed());
        boolean drawn = options.seed() != 0;
        for (int i = 0; i < people; i++) {
            double depth = people == 1 ? 1 : i / (double) (people - 1);
            double u = 0.09 * height * (0.82 + 0.18 * depth);
            double centre = width * (0.5 + (drawn ? random.nextDouble(-0.08, 0.08) : i % 2 == 0 ? -0.04 : 0.04));
            double reach = drawn ? random.nextDouble(0.25, 0.38) : 0.31 + 0.03 * (i % 3);
            double off = drawn ? Math.max(0, Math.abs(centre - width / 2.0) - 0.04 * width) : 0;
            double amplitude = Math.min(width * reach, width * 0.46 - 1.6 * u - off);
            if (options.enterLeave() && i % 2 == 1) {
                amplitude = Math.abs(centre - width / 2.0) + width / 2.0 + 4 * u;
            }
            double period = drawn ? random.nextDouble(220, 440) : PERIODS[i];
            double phase = drawn ? random.nextDouble(0, 2 * Math.PI) : 0.5 + 2.1 * i;
            walkers[i] = new Walker(height * (0.71 + 0.25 * depth), u, centre, Math.max(0, amplitude),
                    2 * Math.PI / period, phase);
        }
        this.barPhase = drawn ? random.nextDouble(0, 2 * Math.PI) : 1.0;
        this.background = Canvas.backdrop(width, height);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Number of person slots (people in the scene, visible or not). */
    public int peopleCount() {
        return walkers.length;
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
        Walker.Body[] bodies = bodies(frameIndex);
        float[][][] visible = people(frameIndex);
        java.util.List<TruthPerson> out = new java.util.ArrayList<>();
        double t = time(frameIndex);
        for (int p = 0; p < bodies.length; p++) {
            int seen = 0;
            for (float[] j : visible[p]) {
                seen += j == null ? 0 : 1;
            }
            if (seen == 0) {
                continue;
            }
            long visits = options.enterLeave() && p % 2 == 1 ? walkers[p].turns(t) : 0;
            out.add(new TruthPerson((int) (p + MarkerCode.DEMO.slots() * visits), visible[p], area(bodies[p])));
        }
        return out;
    }

    private static float area(Walker.Body b) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] j : b.joints()) {
            minX = Math.min(minX, j[0]);
            maxX = Math.max(maxX, j[0]);
            minY = Math.min(minY, j[1]);
            maxY = Math.max(maxY, j[1]);
        }
        return (float) Math.max(1, (maxX - minX) * (maxY - minY));
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
        Walker.Body[] bodies = bodies(frameIndex);
        boolean[][] visible = visibility(bodies, frameIndex);
        float[][][] out = new float[bodies.length][Coco18.COUNT][];
        for (int p = 0; p < bodies.length; p++) {
            for (int k = 0; k < Coco18.COUNT; k++) {
                if (visible[p][k]) {
                    double[] j = bodies[p].joints()[k];
                    out[p][k] = new float[] {(float) j[0], (float) j[1]};
                }
            }
        }
        return out;
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
        if (bgr.length < background.length) {
            throw new IllegalArgumentException("picture of " + bgr.length + " bytes is too small for " + width + "x" + height + " BGR");
        }
        Walker.Body[] bodies = bodies(frameIndex);
        boolean[][] visible = visibility(bodies, frameIndex);
        System.arraycopy(background, 0, bgr, 0, background.length);
        Canvas canvas = new Canvas(bgr, width, height);
        for (int p = 0; p < bodies.length; p++) {
            Walker.Body b = bodies[p];
            int[] c = BODY_BGR[p];
            for (Shape s : b.limbs()) {
                canvas.fill(s, c[0], c[1], c[2]);
            }
            canvas.fill(Shape.disc(b.headX(), b.headY(), b.headRadius()), c[0] / 2, c[1] / 2, c[2] / 2);
            canvas.fill(Shape.disc(b.headX(), b.headY(), b.headRadius() - ringWidth), HEAD_BGR[0], HEAD_BGR[1], HEAD_BGR[2]);
        }
        for (int k : MarkerVisibility.ORDER) {
            for (int p = 0; p < bodies.length; p++) {
                if (visible[p][k]) {
                    double[] j = bodies[p].joints()[k];
                    canvas.fill(Shape.disc(j[0], j[1], markerRadius + ringWidth), RING_BGR[0], RING_BGR[1], RING_BGR[2]);
                    MarkerCode code = MarkerCode.DEMO;
                    canvas.fill(Shape.disc(j[0], j[1], markerRadius), code.blue(), code.green(p), code.red(k));
                }
            }
        }
        if (options.bar()) {
            double x = barX(frameIndex);
            canvas.fill(new Shape(x, -height, x, 2.0 * height, barHalf()), 70, 70, 70);
        }
        int scale = Math.max(1, height / 180);
        canvas.label("DEMO", 6 * scale, 5 * scale, scale, 150);
    }

    private boolean[][] visibility(Walker.Body[] bodies, long frameIndex) {
        return options.bar() ? MarkerVisibility.of(bodies, markerRadius + ringWidth, width, height, barX(frameIndex), barHalf())
                : MarkerVisibility.of(bodies, markerRadius + ringWidth, width, height);
    }

    /** Centre of the occluding bar: it sweeps across the picture and back every 370 frame periods. */
    private double barX(long frameIndex) {
        return width * (0.5 + 0.45 * Math.sin(2 * Math.PI * time(frameIndex) / 370 + barPhase));
    }

    private double barHalf() {
        return 0.04 * width;
    }

    private Walker.Body[] bodies(long frameIndex) {
        if (frameIndex < 0) {
            throw new IllegalArgumentException("frameIndex must be >= 0, got " + frameIndex);
        }
        Walker.Body[] bodies = new Walker.Body[walkers.length];
        for (int p = 0; p < walkers.length; p++) {
            bodies[p] = walkers[p].body(time(frameIndex));
        }
        return bodies;
    }
}
