package io.posegate.grouping.tracking;

/**
 * {@link Similarity#kappa} for the sigmas of the last call, kept: a stream's sigmas are the same every
 * frame, so the per-keypoint divisions run once, not per frame. Compares the sigmas bit for bit (the
 * caller may refill the same array), so the kappas are always exactly those of the sigmas given.
 * Allocates nothing after construction. Not thread-safe.
 */
final class KappaCache {
    private final int[] sigmaBits;
    private boolean filled;

    KappaCache(int keypoints) {
        this.sigmaBits = new int[keypoints];
    }

    /** Writes kappa for sigmas (both of this cache's length) unless kappa already holds it for these sigmas. */
    void fill(float[] sigmas, float[] kappa) {
        if (filled && same(sigmas)) {
            return;
        }
        Similarity.kappa(sigmas, kappa);
        for (int j = 0; j < sigmaBits.length; j++) {
            sigmaBits[j] = Float.floatToRawIntBits(sigmas[j]);
        }
        filled = true;
    }

    private boolean same(float[] sigmas) {
        for (int j = 0; j < sigmaBits.length; j++) {
            if (Float.floatToRawIntBits(sigmas[j]) != sigmaBits[j]) {
                return false;
            }
        }
        return true;
    }
}
