package io.posegate.grouping;

/**
 * NumPy's float32 pairwise summation for n &le; 128 (eight partial sums from n = 8 on), so that decoders
 * checked against Python references (Open Model Zoo's OpenPose and associative-embedding decoders) add up
 * in the same order and round alike.
 */
public final class NumPySum {
    private NumPySum() {
    }

    public static float pairwise(float[] a, int n) {
        if (n < 8) {
            float s = 0f;
            for (int i = 0; i < n; i++) {
                s += a[i];
            }
            return s;
        }
        float r0 = a[0];
        float r1 = a[1];
        float r2 = a[2];
        float r3 = a[3];
        float r4 = a[4];
        float r5 = a[5];
        float r6 = a[6];
        float r7 = a[7];
        int i = 8;
        for (; i < n - n % 8; i += 8) {
            r0 += a[i];
            r1 += a[i + 1];
            r2 += a[i + 2];
            r3 += a[i + 3];
            r4 += a[i + 4];
            r5 += a[i + 5];
            r6 += a[i + 6];
            r7 += a[i + 7];
        }
        float s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
        for (; i < n; i++) {
            s += a[i];
        }
        return s;
    }
}
