package io.posegate.grouping.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.Poses;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * OKS is at most 1, as a float: {@link StageOneRevisions#undoCopies} relies on it to skip a match whose own OKS
 * is at least {@code 1 / 2} (no other track's OKS can then be twice as high). Each term ({@link Similarity#expNeg})
 * is at most 1 for every argument, and a float sum of k such terms divided by k is at most 1.
 */
class OksBoundTest {
    private static final int K = 18;

    @Test
    void expNegIsAtMostOneEverywhere() {
        for (int bits = 0; bits <= Float.floatToRawIntBits(1f / 16); bits += 97) { // up to the first table step, every 97th float
            assertTrue(Similarity.expNeg(Float.intBitsToFloat(bits)) <= 1f, "expNeg of bits " + bits);
        }
        Random rnd = new Random(3);
        for (int i = 0; i < 1_000_000; i++) {
            float x = 17f * rnd.nextFloat();
            assertTrue(Similarity.expNeg(x) <= 1f, "expNeg(" + x + ")");
        }
        assertEquals(1f, Similarity.expNeg(0f));
        assertEquals(1f, Similarity.expNeg(-0f));
        assertEquals(0f, Similarity.expNeg(Float.NaN));
    }

    @Test
    void oksOfAnyDetectionIsAtMostOneAndOneOnThePrediction() {
        Random rnd = new Random(5);
        float[] sigmas = new float[K];
        for (int j = 0; j < K; j++) {
            sigmas[j] = 0.025f + 0.08f * rnd.nextFloat();
        }
        float[] kappa = new float[K];
        Similarity.kappa(sigmas, kappa);
        int ones = 0;
        for (int round = 0; round < 2000; round++) {
            TrackTable tracks = new TrackTable(K, 1);
            for (int j = 0; j < K; j++) {
                tracks.has[j] = rnd.nextInt(4) != 0;
                tracks.ox[j] = 0.6f * (rnd.nextFloat() - 0.5f);
                tracks.oy[j] = rnd.nextFloat() - 0.5f;
            }
            tracks.size = 1;
            tracks.project(0, 10 + 400 * rnd.nextDouble(), 5 + 200 * rnd.nextDouble(), 1 + 100 * rnd.nextDouble());
            Poses poses = new Poses(K, 2);
            int exact = poses.add(1f);
            int moved = poses.add(1f);
            float jitter = rnd.nextFloat();
            for (int j = 0; j < K; j++) {
                if (tracks.has[j] || rnd.nextBoolean()) {
                    poses.setKeypoint(exact, j, tracks.px[j], tracks.py[j], 0.5f);
                    poses.setKeypoint(moved, j, tracks.px[j] + jitter * (float) rnd.nextGaussian(),
                            tracks.py[j] + jitter * (float) rnd.nextGaussian(), 0.5f);
                }
            }
            DetectionKeys keys = new DetectionKeys(K);
            keys.index(poses, 2, new float[8]);
            float atPrediction = Similarity.oksPredicted(poses, exact, keys, tracks, 0, kappa);
            ones += atPrediction == 1f ? 1 : 0;
            assertTrue(atPrediction <= 1f, "OKS " + atPrediction);
            float near = Similarity.oksPredicted(poses, moved, keys, tracks, 0, kappa);
            assertTrue(near <= 1f, "OKS " + near);
        }
        assertTrue(ones > 1000, "only " + ones + " detections on the prediction had OKS 1");
    }
}
