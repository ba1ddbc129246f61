package io.posegate.gateway.demo;

import io.posegate.grouping.synth.MarkerCode;

/**
 * Paints one frame of the demo scene into a packed-BGR picture: the backdrop, every body (farthest first),
 * then the joint markers in {@link MarkerVisibility#ORDER} with their dark rings, the occluding bar if any, and
 * the DEMO label. Immutable and thread-safe; the picture is the caller's.
 */
final class ScenePainter {
    private final int width;
    private final int height;
    private final double markerRadius;
    private final double ringWidth;
    private final byte[] background;

    ScenePainter(int width, int height, double markerRadius, double ringWidth) {
        this.width = width;
        this.height = height;
        this.markerRadius = markerRadius;
        this.ringWidth = ringWidth;
        this.background = Canvas.backdrop(width, height);
    }

    /** Bytes a picture needs. */
    int size() {
        return background.length;
    }

    /** Overwrites {@code bgr} with the frame; {@code visible[p][k]} says which markers to paint; {@code bar} may be null. */
    void paint(byte[] bgr, Walker.Body[] bodies, boolean[][] visible, Shape bar) {
        System.arraycopy(background, 0, bgr, 0, background.length);
        Canvas canvas = new Canvas(bgr, width, height);
        for (int p = 0; p < bodies.length; p++) {
            Walker.Body b = bodies[p];
            int[] c = DemoScene.BODY_BGR[p];
            for (Shape s : b.limbs()) {
                canvas.fill(s, c[0], c[1], c[2]);
            }
            canvas.fill(Shape.disc(b.headX(), b.headY(), b.headRadius()), c[0] / 2, c[1] / 2, c[2] / 2);
            int[] head = DemoScene.HEAD_BGR;
            canvas.fill(Shape.disc(b.headX(), b.headY(), b.headRadius() - ringWidth), head[0], head[1], head[2]);
        }
        int[] ring = DemoScene.RING_BGR;
        MarkerCode code = MarkerCode.DEMO;
        for (int k : MarkerVisibility.ORDER) {
            for (int p = 0; p < bodies.length; p++) {
                if (visible[p][k]) {
                    double[] j = bodies[p].joints()[k];
                    canvas.fill(Shape.disc(j[0], j[1], markerRadius + ringWidth), ring[0], ring[1], ring[2]);
                    canvas.fill(Shape.disc(j[0], j[1], markerRadius), code.blue(), code.green(p), code.red(k));
                }
            }
        }
        if (bar != null) {
            canvas.fill(bar, 70, 70, 70);
        }
        int scale = Math.max(1, height / 180);
        canvas.label("DEMO", 6 * scale, 5 * scale, scale, 150);
    }
}
