package io.posegate.gateway.demo;

import static io.posegate.gateway.demo.Coco18.*;

/**
 * Decides which joints of the demo scene get a marker. Markers are painted by keypoint type in
 * {@link #ORDER} (face and limb ends first, the neck last), people by depth within a type. A joint is
 * visible when its disc and ring lie inside the picture, no marker painted after it comes within two
 * marker radii (ring included), and its parent on the way to the neck ({@link #TREE}) is visible.
 * Stateless.
 */
final class MarkerVisibility {
    /** The order in which markers are painted, and so which one yields where two would touch. */
    static final int[] ORDER = {R_EAR, L_EAR, R_EYE, L_EYE, NOSE, R_WRIST, L_WRIST, R_ANKLE, L_ANKLE, R_ELBOW, L_ELBOW,
        R_KNEE, L_KNEE, R_HIP, L_HIP, R_SHOULDER, L_SHOULDER, NECK};
    /** {keypoint, its parent towards the neck}, parents listed before their children. */
    private static final int[][] TREE = {{NECK, NECK}, {R_SHOULDER, NECK}, {L_SHOULDER, NECK}, {R_HIP, NECK},
        {L_HIP, NECK}, {NOSE, NECK}, {R_ELBOW, R_SHOULDER}, {L_ELBOW, L_SHOULDER}, {R_WRIST, R_ELBOW},
        {L_WRIST, L_ELBOW}, {R_KNEE, R_HIP}, {L_KNEE, L_HIP}, {R_ANKLE, R_KNEE}, {L_ANKLE, L_KNEE}, {R_EYE, NOSE},
        {L_EYE, NOSE}, {R_EAR, R_EYE}, {L_EAR, L_EYE}};

    private MarkerVisibility() {
    }

    /**
     * @param radius marker radius plus ring width, in source pixels
     * @return [person][keypoint] = true when the joint gets a marker
     */
    static boolean[][] of(Walker.Body[] bodies, double radius, int width, int height) {
        return of(bodies, radius, width, height, 0, -1);
    }

    /**
     * As {@link #of(Walker.Body[], double, int, int)}, with a vertical bar of half width {@code barHalf}
     * (none when negative) centred at {@code barX} in front of everyone: joints whose marker would touch it
     * are hidden.
     */
    static boolean[][] of(Walker.Body[] bodies, double radius, int width, int height, double barX, double barHalf) {
        boolean[][] visible = new boolean[bodies.length][COUNT];
        for (int p = 0; p < bodies.length; p++) {
            for (int[] edge : TREE) {
                int k = edge[0];
                double[] j = bodies[p].joints()[k];
                visible[p][k] = j[0] - radius >= 0 && j[1] - radius >= 0 && j[0] + radius <= width && j[1] + radius <= height
                        && !coveredLater(bodies, p, k, j[0], j[1], radius) && (k == NECK || visible[p][edge[1]])
                        && !(barHalf >= 0 && Math.abs(j[0] - barX) < barHalf + radius);
            }
        }
        return visible;
    }

    /** True if a marker painted after joint k of person p comes within {@code 2 r} of (x, y). */
    private static boolean coveredLater(Walker.Body[] bodies, int p, int k, double x, double y, double r) {
        int rank = 0;
        while (ORDER[rank] != k) {
            rank++;
        }
        for (int later = rank; later < ORDER.length; later++) {
            for (int q = later == rank ? p + 1 : 0; q < bodies.length; q++) {
                double[] j = bodies[q].joints()[ORDER[later]];
                if (Math.hypot(j[0] - x, j[1] - y) <= 2 * r) {
                    return true;
                }
            }
        }
        return false;
    }
}
