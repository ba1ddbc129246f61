package io.posegate.gateway.demo;

import java.util.SplittableRandom;

/**
 * Where the demo scene's people walk and where its occluding bar starts: one lane per person, farther lanes
 * higher and smaller. With seed 0 the layout is the fixed standard one; any other seed draws centres, reaches,
 * periods and phases (and the bar's phase) from a {@link SplittableRandom} of that seed, in a fixed order, so
 * a seed always gives the same scene.
 *
 * @param walkers  one per person slot, nearest last
 * @param barPhase phase of the occluding bar's sweep, in radians
 */
record SceneLayout(Walker[] walkers, double barPhase) {
    private static final int[] PERIODS = {240, 330, 280, 390, 300, 360, 260, 420};

    /** The layout of {@code people} walkers in a {@code width} x {@code height} picture (sizes already checked). */
    static SceneLayout of(int width, int height, int people, SceneOptions options) {
        Walker[] walkers = new Walker[people];
        SplittableRandom random = new SplittableRandom(options.seed());
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
        double barPhase = drawn ? random.nextDouble(0, 2 * Math.PI) : 1.0;
        return new SceneLayout(walkers, barPhase);
    }
}
