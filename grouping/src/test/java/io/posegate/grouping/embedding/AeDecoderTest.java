package io.posegate.grouping.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.decode.DecoderInputs;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.Decoders;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AeDecoderTest {
    private static final int K = 17;
    private static final int H = 40;
    private static final int W = 48;

    @Test
    void twoPeopleAreSplitByTheirTags() {
        float[] heat = new float[K * H * W];
        float[] tags = new float[K * H * W];
        for (int k = 0; k < K; k++) {
            peak(heat, tags, k, 8 + k % 5, 5 + k * 2, 0.9f, -2f);
            peak(heat, tags, k, 30 + k % 5, 5 + k * 2, 0.8f, 3f);
        }
        Poses out = decode(heat, tags, Map.of(), 30);
        assertEquals(2, out.count());
        for (int p = 0; p < 2; p++) {
            boolean left = out.x(p, 0) < W / 2f;
            assertEquals(left ? 0.9f : 0.8f, out.personScore(p), 1e-6);
            for (int k = 0; k < K; k++) {
                assertEquals((left ? 8 : 30) + k % 5 + 0.5f, out.x(p, k), 0.26f);
                assertEquals(5 + k * 2 + 0.5f, out.y(p, k), 0.26f);
            }
        }
    }

    @Test
    void emptyMapsGiveNoPeople() {
        assertEquals(0, decode(new float[K * H * W], new float[K * H * W], Map.of(), 30).count());
    }

    @Test
    void aLoneKeypointIsBelowThePoseThresholdUnlessLowered() {
        float[] heat = new float[K * H * W];
        float[] tags = new float[K * H * W];
        peak(heat, tags, 0, 20, 20, 1f, 0f);
        assertEquals(0, decode(heat, tags, Map.of(), 30).count(), "1/17 = 0.059 is under 0.1");
        Poses out = decode(heat, tags, Map.of("poseThreshold", 0.05, "refine", false), 30);
        assertEquals(1, out.count());
        assertEquals(1, out.presentCount(0));
        assertEquals(20.5f, out.x(0, 0));
    }

    @Test
    void peopleAtTheBordersAreNotAdjustedOffTheMap() {
        float[] heat = new float[K * H * W];
        float[] tags = new float[K * H * W];
        for (int k = 0; k < K; k++) {
            peak(heat, tags, k, k % 2 == 0 ? 0 : W - 1, k % 3 == 0 ? 0 : H - 1, 0.9f, 1f);
        }
        Poses out = decode(heat, tags, Map.of(), 30);
        assertEquals(1, out.count());
        for (int k = 0; k < K; k++) {
            assertEquals(k % 2 == 0 ? 0.5f : W - 0.5f, out.x(0, k));
            assertEquals(k % 3 == 0 ? 0.5f : H - 0.5f, out.y(0, k));
        }
    }

    @Test
    void noMoreThanMaxPeopleCandidatesPerKeypointType() {
        float[] heat = new float[K * H * W];
        float[] tags = new float[K * H * W];
        for (int i = 0; i < 40; i++) {
            peak(heat, tags, 0, 2 + (i % 8) * 6, 2 + (i / 8) * 8, 0.5f + i * 0.01f, i * 3f);
        }
        Poses all = decode(heat, tags, Map.of("poseThreshold", 0.01, "refine", false), 100);
        assertEquals(30, all.count(), "the 30 best noses start people");
        for (int p = 0; p < all.count(); p++) {
            assertTrue(all.score(p, 0) >= 0.5f + 10 * 0.01f - 1e-6, "a kept nose is among the best 30");
        }
        assertEquals(7, decode(heat, tags, Map.of("poseThreshold", 0.01, "refine", false), 7).count());
        assertEquals(12, decode(heat, tags, Map.of("poseThreshold", 0.01, "refine", false, "maxPeople", 12), 100).count());
    }

    @Test
    void mapsThatDoNotFitAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Decoders.create(
                "associative-embedding", Topologies.coco17(), DecoderParams.defaults()).decode(DecoderInputs.of(Map.of(
                        "heatmaps", FeatureMap.of(new float[K * 16], K, 4, 4), "tags", FeatureMap.of(new float[K * 20], K, 4, 5))),
                new Poses(K, 30)));
        assertTrue(e.getMessage().contains("tags") && e.getMessage().contains("4x5"), e.getMessage());
    }

    static Poses decode(float[] heat, float[] tags, Map<String, Object> params, int capacity) {
        Poses out = new Poses(K, capacity);
        Decoders.create("associative-embedding", Topologies.coco17(), DecoderParams.of(params)).decode(DecoderInputs.of(
                Map.of("heatmaps", FeatureMap.of(heat, K, H, W), "tags", FeatureMap.of(tags, K, H, W))), out);
        return out;
    }

    /** A 3x3 peak with the given tag painted around it. */
    static void peak(float[] heat, float[] tags, int k, int x, int y, float value, float tag) {
        for (int yy = Math.max(0, y - 1); yy <= Math.min(H - 1, y + 1); yy++) {
            for (int xx = Math.max(0, x - 1); xx <= Math.min(W - 1, x + 1); xx++) {
                int i = (k * H + yy) * W + xx;
                heat[i] = Math.max(heat[i], xx == x && yy == y ? value : value * 0.5f);
                tags[i] = tag;
            }
        }
    }
}
