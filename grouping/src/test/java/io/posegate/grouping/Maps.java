package io.posegate.grouping;

import io.posegate.grouping.synth.TargetRenderer;
import java.util.Random;

/** Test maps: perfect-network targets for random people, optionally noisy or quantised (for ties). */
public final class Maps {
    public final FeatureMap heatmaps;
    public final FeatureMap pafs;
    public final float[][][] people;

    private Maps(FeatureMap heatmaps, FeatureMap pafs, float[][][] people) {
        this.heatmaps = heatmaps;
        this.pafs = pafs;
        this.people = people;
    }

    /** People as random upright skeletons of about {@code size} cells, inside a 3-cell margin. */
    public static float[][][] randomPeople(Random rnd, Topology topology, int count, int h, int w, float size,
            float dropRate) {
        float[][][] people = new float[count][][];
        for (int p = 0; p < count; p++) {
            float cx = 3 + size / 2 + rnd.nextFloat() * Math.max(0, w - 6 - size);
            float cy = 3 + size / 2 + rnd.nextFloat() * Math.max(0, h - 6 - size);
            people[p] = new float[topology.keypointCount()][];
            for (int k = 0; k < topology.keypointCount(); k++) {
                if (rnd.nextFloat() < dropRate) {
                    continue;
                }
                float x = clamp(cx + (rnd.nextFloat() - 0.5f) * size, 3, w - 3);
                float y = clamp(cy + (rnd.nextFloat() - 0.5f) * size, 3, h - 3);
                people[p][k] = new float[] {x, y};
            }
        }
        return people;
    }

    public static Maps render(Topology topology, float[][][] people, int h, int w, float sigma, float limbWidth) {
        int hmChannels = Math.max(topology.keypointCount(), topology.backgroundChannel() + 1);
        FeatureMap hm = FeatureMap.of(new float[hmChannels * h * w], hmChannels, h, w);
        FeatureMap paf = FeatureMap.of(new float[topology.pafChannels() * h * w], topology.pafChannels(), h, w);
        new TargetRenderer(topology, sigma, limbWidth).render(people, hm, paf);
        return new Maps(hm, paf, people);
    }

    /**
     * Adds uniform noise of the given amplitude to every value, then quantises to steps of {@code q} if
     * q &gt; 0. Heatmaps stay &ge; 0 (as a sigmoid network's do; trt_pose's refinement divides by their sum).
     */
    public Maps perturb(Random rnd, float noise, float q) {
        perturb(heatmaps, rnd, noise, q, 0f);
        perturb(pafs, rnd, noise, q, -Float.MAX_VALUE);
        return this;
    }

    private static void perturb(FeatureMap map, Random rnd, float noise, float q, float floor) {
        int n = map.channels() * map.height() * map.width();
        for (int i = 0; i < n; i++) {
            float v = map.data().get(i) + (rnd.nextFloat() * 2 - 1) * noise;
            if (q > 0) {
                v = Math.round(v / q) * q;
            }
            map.data().put(i, Math.max(floor, v));
        }
    }

    private static float clamp(float v, float lo, float hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
