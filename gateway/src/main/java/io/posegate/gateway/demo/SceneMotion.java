package io.posegate.gateway.demo;

/**
 * Where a {@link DemoScene}'s people are in a frame, which of their joints are visible and where the
 * occluding bar stands: pure functions of the frame index, used by the scene's ground truth and its
 * rendering alike. Immutable and thread-safe.
 */
final class SceneMotion {
    private final int width;
    private final int height;
    private final Walker[] walkers;
    private final double markerRadius;
    private final double ringWidth;
    private final SceneOptions options;
    private final double barPhase;

    /** The motion of {@code layout}'s walkers in a {@code width} x {@code height} picture (all already checked). */
    SceneMotion(int width, int height, SceneLayout layout, double markerRadius, double ringWidth, SceneOptions options) {
        this.width = width;
        this.height = height;
        this.walkers = layout.walkers();
        this.barPhase = layout.barPhase();
        this.markerRadius = markerRadius;
        this.ringWidth = ringWidth;
        this.options = options;
    }

    /** Number of person slots. */
    int people() {
        return walkers.length;
    }

    /** Scene time of frame {@code frameIndex} in frame periods (see {@link SceneOptions#time}). */
    double time(long frameIndex) {
        return options.time(frameIndex);
    }

    /** Visits made so far by the person in slot {@code p} at scene time {@code t}: 0 unless the options let people enter and leave. */
    long visits(int p, double t) {
        return options.enterLeave() && p % 2 == 1 ? walkers[p].turns(t) : 0;
    }

    /** The occluding bar of frame {@code frameIndex}, or null when the options have none. */
    Shape bar(long frameIndex) {
        Shape bar = null;
        if (options.bar()) {
            double x = barX(frameIndex);
            bar = new Shape(x, -height, x, 2.0 * height, barHalf());
        }
        return bar;
    }

    boolean[][] visibility(Walker.Body[] bodies, long frameIndex) {
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

    /**
     * The posed bodies of frame {@code frameIndex}, one per person slot.
     *
     * @throws IllegalArgumentException if {@code frameIndex} is negative
     */
    Walker.Body[] bodies(long frameIndex) {
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
