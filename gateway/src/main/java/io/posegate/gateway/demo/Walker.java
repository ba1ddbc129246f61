package io.posegate.gateway.demo;

import static io.posegate.gateway.demo.Coco18.*;

/**
 * One person of the demo scene walking back and forth along a horizontal lane. The position follows
 * {@code x = centreX + amplitude * sin(phase0 + omega * frame)}, so the walker slows down, turns and
 * walks back; the walk cycle advances with the distance actually walked (one cycle per
 * {@value #CYCLE_UNITS} body units), so feet do not slide. All lengths are in body units {@code u}
 * (a person is about 8.4 u tall). Immutable; every pose is a pure function of the frame index.
 */
record Walker(double groundY, double u, double centreX, double amplitude, double omega, double phase0) {
    static final double CYCLE_UNITS = 2.6;

    /** The pose at scene time {@code frame} (&ge; 0, in frame periods). */
    Body body(double frame) {
        double theta = phase0 + omega * frame;
        double x = centreX + amplitude * Math.sin(theta);
        int dir = Math.cos(theta) >= 0 ? 1 : -1;
        double m = 0.35 + 0.65 * Math.abs(Math.cos(theta));
        double phi = 2 * Math.PI * amplitude * totalVariation(theta) / (CYCLE_UNITS * u);
        double hipY = groundY - 4.0 * u - 0.07 * u * m * Math.cos(2 * phi);
        double[][] j = new double[COUNT][];
        double neckX = x + dir * 0.12 * u;
        double neckY = hipY - 2.6 * u;
        j[NECK] = new double[] {neckX, neckY};
        j[R_SHOULDER] = new double[] {neckX - 0.72 * u, neckY + 0.15 * u};
        j[L_SHOULDER] = new double[] {neckX + 0.72 * u, neckY + 0.15 * u};
        j[R_HIP] = new double[] {x - 0.45 * u, hipY};
        j[L_HIP] = new double[] {x + 0.45 * u, hipY};
        leg(j, R_HIP, R_KNEE, R_ANKLE, phi, m, dir);
        leg(j, L_HIP, L_KNEE, L_ANKLE, phi + Math.PI, m, dir);
        arm(j, R_SHOULDER, R_ELBOW, R_WRIST, phi + Math.PI, m, dir, -1);
        arm(j, L_SHOULDER, L_ELBOW, L_WRIST, phi, m, dir, 1);
        double headX = neckX + dir * 0.15 * u;
        double headY = neckY - 1.0 * u;
        double face = dir * 0.1 * u;
        j[NOSE] = new double[] {headX + face, headY + 0.25 * u};
        j[R_EYE] = new double[] {headX + face - 0.45 * u, headY - 0.3 * u};
        j[L_EYE] = new double[] {headX + face + 0.45 * u, headY - 0.3 * u};
        j[R_EAR] = new double[] {headX + face - 0.95 * u, headY - 0.05 * u};
        j[L_EAR] = new double[] {headX + face + 0.95 * u, headY - 0.05 * u};
        return new Body(j, headX, headY, 0.8 * u, u, dir);
    }

    private void leg(double[][] j, int hip, int knee, int ankle, double phase, double m, int dir) {
        double thigh = 0.42 * m * Math.sin(phase);
        double bend = 0.08 + 0.75 * m * Math.max(0, Math.cos(phase));
        j[knee] = offset(j[hip], 1.9 * u, dir * Math.sin(thigh), Math.cos(thigh));
        double shin = thigh - bend;
        j[ankle] = offset(j[knee], 1.9 * u, dir * Math.sin(shin), Math.cos(shin));
    }

    private void arm(double[][] j, int shoulder, int elbow, int wrist, double phase, double m, int dir, int side) {
        double upper = dir * 0.38 * m * Math.sin(phase) + side * 0.22;
        j[elbow] = offset(j[shoulder], 1.3 * u, Math.sin(upper), Math.cos(upper));
        double fore = upper + dir * (0.2 + 0.4 * m * Math.max(0, Math.sin(phase)));
        j[wrist] = offset(j[elbow], 1.2 * u, Math.sin(fore), Math.cos(fore));
    }

    private static double[] offset(double[] from, double length, double dx, double dy) {
        return new double[] {from[0] + length * dx, from[1] + length * dy};
    }

    /**
     * How many times the walker has turned at the end of the lane by time {@code frame}: with a lane wider
     * than the picture, each turn is made out of sight, so it counts the walker's visits.
     */
    long turns(double frame) {
        return (long) Math.floor((phase0 + omega * frame - Math.PI / 2) / Math.PI)
                - (long) Math.floor((phase0 - Math.PI / 2) / Math.PI);
    }

    /** Total variation of sin over [0, theta] for theta &ge; 0: how far a unit sine has travelled. */
    static double totalVariation(double theta) {
        long q = (long) Math.floor(theta / (Math.PI / 2));
        double rem = theta - q * (Math.PI / 2);
        return q + (q % 2 == 0 ? Math.sin(rem) : 1 - Math.cos(rem));
    }

    /**
     * A posed body: all 18 joints (before any visibility test), the head disc, the body unit and the
     * walking direction (+1 right, -1 left).
     */
    record Body(double[][] joints, double headX, double headY, double headRadius, double u, int dir) {
        /** The limbs and torso as painted, without the head. */
        Shape[] limbs() {
            double hw = 0.13 * u;
            double[] hip = {(joints[R_HIP][0] + joints[L_HIP][0]) / 2, joints[R_HIP][1]};
            double[] rToe = {joints[R_ANKLE][0] + dir * 0.45 * u, joints[R_ANKLE][1] + 0.1 * u};
            double[] lToe = {joints[L_ANKLE][0] + dir * 0.45 * u, joints[L_ANKLE][1] + 0.1 * u};
            return new Shape[] {
                seg(joints[NECK], hip, 0.3 * u),
                seg(joints[R_SHOULDER], joints[L_SHOULDER], hw),
                seg(joints[R_HIP], joints[L_HIP], hw),
                seg(joints[R_SHOULDER], joints[R_ELBOW], hw), seg(joints[R_ELBOW], joints[R_WRIST], hw),
                seg(joints[L_SHOULDER], joints[L_ELBOW], hw), seg(joints[L_ELBOW], joints[L_WRIST], hw),
                seg(joints[R_HIP], joints[R_KNEE], hw), seg(joints[R_KNEE], joints[R_ANKLE], hw),
                seg(joints[L_HIP], joints[L_KNEE], hw), seg(joints[L_KNEE], joints[L_ANKLE], hw),
                seg(joints[R_ANKLE], rToe, 0.7 * hw), seg(joints[L_ANKLE], lToe, 0.7 * hw),
                seg(joints[NECK], new double[] {headX, headY}, 0.2 * u),
            };
        }

        /** Area of the box around all joints (visible or not), at least 1: the OKS scale of the person. */
        float boxArea() {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (double[] j : joints) {
                minX = Math.min(minX, j[0]);
                maxX = Math.max(maxX, j[0]);
                minY = Math.min(minY, j[1]);
                maxY = Math.max(maxY, j[1]);
            }
            return (float) Math.max(1, (maxX - minX) * (maxY - minY));
        }

        private static Shape seg(double[] a, double[] b, double halfWidth) {
            return new Shape(a[0], a[1], b[0], b[1], halfWidth);
        }
    }
}
