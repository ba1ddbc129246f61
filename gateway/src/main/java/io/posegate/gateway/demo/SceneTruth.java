package io.posegate.gateway.demo;

import io.posegate.gateway.demo.DemoScene.TruthPerson;
import io.posegate.grouping.synth.MarkerCode;

/**
 * The ground truth of a {@link DemoScene}'s frames, worked out from its {@link SceneMotion}: the visible
 * joints of every person slot ({@link DemoScene#people}) and the people with at least one of them
 * ({@link DemoScene#truth}). Stateless; every result is freshly allocated.
 */
final class SceneTruth {
    private SceneTruth() {
    }

    /** [person slot][keypoint] = {x, y} in source pixels, or null when that joint is not visible. */
    static float[][][] people(SceneMotion motion, long frameIndex) {
        Walker.Body[] bodies = motion.bodies(frameIndex);
        boolean[][] visible = motion.visibility(bodies, frameIndex);
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

    /** Every person with at least one visible joint, identified as {@link DemoScene#truth} says. */
    static java.util.List<TruthPerson> truth(SceneMotion motion, long frameIndex) {
        Walker.Body[] bodies = motion.bodies(frameIndex);
        float[][][] visible = people(motion, frameIndex);
        java.util.List<TruthPerson> out = new java.util.ArrayList<>();
        double t = motion.time(frameIndex);
        for (int p = 0; p < bodies.length; p++) {
            int seen = 0;
            for (float[] j : visible[p]) {
                seen += j == null ? 0 : 1;
            }
            if (seen == 0) {
                continue;
            }
            long visits = motion.visits(p, t);
            out.add(new TruthPerson((int) (p + MarkerCode.DEMO.slots() * visits), visible[p], bodies[p].boxArea()));
        }
        return out;
    }
}
