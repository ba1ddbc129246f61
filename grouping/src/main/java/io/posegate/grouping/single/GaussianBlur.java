package io.posegate.grouping.single;

/**
 * A separable Gaussian blur of one plane in place, borders mirrored without repeating the edge cell
 * (OpenCV's default BORDER_REFLECT_101), with the kernel OpenCV's {@code getGaussianKernel} documents: for a
 * sigma &le; 0 and a size of 3, 5 or 7, its fixed small kernels ([1 2 1]/4, [1 4 6 4 1]/16,
 * [2 7 14 18 14 7 2]/64); otherwise exp(-d²/2σ²) normalised, σ = 0.3((size-1)/2 - 1) + 0.8 when sigma &le; 0.
 * Reuses its buffers; one thread at a time.
 */
final class GaussianBlur {
    /** OpenCV's fixed kernels for sizes 3, 5 and 7 (sigma &le; 0), in integer weights over a power of two. */
    private static final int[][] FIXED = {{1, 2, 1}, {1, 4, 6, 4, 1}, {2, 7, 14, 18, 14, 7, 2}};
    private static final int[] FIXED_SUM = {4, 16, 64};
    private final float[] kernel;
    private final int radius;
    private float[] line = new float[0];

    GaussianBlur(int size, float sigma) {
        radius = size / 2;
        kernel = new float[size];
        if (sigma <= 0 && size % 2 == 1 && size >= 3 && size <= 7) {
            int t = size / 2 - 1;
            for (int i = 0; i < size; i++) {
                kernel[i] = (float) FIXED[t][i] / FIXED_SUM[t];
            }
            return;
        }
        double s = sigma > 0 ? sigma : 0.3 * ((size - 1) * 0.5 - 1) + 0.8;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double d = i - radius;
            kernel[i] = (float) Math.exp(-d * d / (2 * s * s));
            sum += kernel[i];
        }
        for (int i = 0; i < size; i++) {
            kernel[i] /= (float) sum;
        }
    }

    /** Blurs the h x w plane starting at 0 of {@code plane}. */
    void apply(float[] plane, int h, int w) {
        if (line.length < Math.max(h, w)) {
            line = new float[Math.max(h, w)];
        }
        for (int y = 0; y < h; y++) {
            pass(plane, y * w, 1, w);
        }
        for (int x = 0; x < w; x++) {
            pass(plane, x, w, h);
        }
    }

    private void pass(float[] plane, int start, int step, int n) {
        for (int i = 0; i < n; i++) {
            line[i] = plane[start + i * step];
        }
        int size = kernel.length;
        for (int i = 0; i < n; i++) {
            float acc = 0f;
            if (i >= radius && i + radius < n) {
                int from = i - radius;
                for (int j = 0; j < size; j++) {
                    acc += kernel[j] * line[from + j];
                }
            } else {
                for (int j = -radius; j <= radius; j++) {
                    acc += kernel[j + radius] * line[reflect(i + j, n)];
                }
            }
            plane[start + i * step] = acc;
        }
    }

    private static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        while (i < 0 || i >= n) {
            i = i < 0 ? -i : 2 * n - 2 - i;
        }
        return i;
    }
}
