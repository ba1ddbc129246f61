package io.posegate.backend.simulated;

import io.posegate.grouping.synth.MarkerCode;
import java.nio.FloatBuffer;

/**
 * Finds the joint markers of the {@link MarkerCode} in an NCHW [1,3,H,W] input tensor: every pixel
 * whose three channels sit on the code grid votes for its (person slot, keypoint); a joint is the
 * centroid of its votes when there are at least {@code minPixels}. Positions come out in output-map
 * pixels (input pixel i spans [i, i+1), then divided by the stride).
 *
 * <p>Owns reusable workspaces: one per session, used by one thread at a time; steady-state decoding
 * allocates nothing.
 */
final class MarkerDecoder {
    private final MarkerCode code;
    private final boolean rgb;
    private final int minPixels;
    private final float stride;
    private final double[] sumX;
    private final double[] sumY;
    private final int[] count;
    private final float[][][] storage;
    private final float[][][] people;

    MarkerDecoder(MarkerCode code, boolean rgb, int minPixels, int stride) {
        this.code = code;
        this.rgb = rgb;
        this.minPixels = minPixels;
        this.stride = stride;
        int codes = code.slots() * code.keypoints();
        this.sumX = new double[codes];
        this.sumY = new double[codes];
        this.count = new int[codes];
        this.storage = new float[code.slots()][code.keypoints()][2];
        this.people = new float[code.slots()][code.keypoints()][];
    }

    /**
     * Decodes one input picture of {@code height x width}.
     *
     * @return [slot][keypoint] = {x, y} in map pixels, or null where no marker was found; the arrays are
     *         this decoder's workspace, valid until the next call
     */
    float[][][] decode(FloatBuffer input, int height, int width) {
        java.util.Arrays.fill(sumX, 0);
        java.util.Arrays.fill(sumY, 0);
        java.util.Arrays.fill(count, 0);
        int plane = height * width;
        int redPlane = rgb ? 0 : 2 * plane;
        int bluePlane = rgb ? 2 * plane : 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int i = row + x;
                float b = input.get(bluePlane + i);
                if (!code.isMarkerBlue(b)) {
                    continue;
                }
                int c = code.decode(input.get(redPlane + i), input.get(plane + i), b);
                if (c >= 0) {
                    sumX[c] += x + 0.5;
                    sumY[c] += y + 0.5;
                    count[c]++;
                }
            }
        }
        for (int p = 0; p < code.slots(); p++) {
            for (int k = 0; k < code.keypoints(); k++) {
                int c = p * code.keypoints() + k;
                if (count[c] >= minPixels) {
                    float[] xy = storage[p][k];
                    xy[0] = (float) (sumX[c] / count[c]) / stride;
                    xy[1] = (float) (sumY[c] / count[c]) / stride;
                    people[p][k] = xy;
                } else {
                    people[p][k] = null;
                }
            }
        }
        return people;
    }
}
