package io.posegate.grouping.openpose;

import io.posegate.grouping.NonFinite;
import io.posegate.grouping.NumPySum;
import java.nio.FloatBuffer;

/**
 * OpenPoseDecoder's limb score for one candidate pair A-B: sample {@code samples} points A + t/(n-1)
 * (B-A) rounded half-to-even to cells, dot the field there with the unit vector A-B; the score is the
 * mean of the samples above {@code minAlignment} (summed pairwise as NumPy does, divided in double by
 * count + 1e-6). The pair is a valid limb when the score is &gt; 0 and more than 80 % of the samples
 * are above {@code minAlignment} (so scoring stops at the first sample that rules that out). Float32
 * arithmetic as in NumPy. A sample whose field is NaN or infinite refuses the frame.
 */
final class LimbScorer {
    static final double INVALID = Double.NaN;
    private final int samples;
    private final float minAlignment;
    private final float step;
    private final float[] dots;
    /** Most samples that may fail before the pair can no longer have more than 80 % aligned. */
    private final int maxFailures;

    LimbScorer(int samples, float minAlignment) {
        this.samples = samples;
        this.minAlignment = minAlignment;
        this.step = (float) (1.0 / (samples - 1));
        this.dots = new float[samples];
        int minValid = 0;
        while (!((double) minValid / samples > 0.8)) {
            minValid++;
        }
        this.maxFailures = samples - minValid;
    }

    /**
     * The pair's score, or {@link #INVALID} when it is not a valid limb.
     *
     * @throws IllegalArgumentException naming the PAF channel and cell of a sample that is NaN or infinite
     */
    double score(FloatBuffer paf, int fieldX, int fieldY, int w, int plane, float ax, float ay, float bx, float by) {
        float vx = bx - ax;
        float vy = by - ay;
        float sx = vx * step;
        float sy = vy * step;
        float den = (float) Math.sqrt(vx * vx + vy * vy) + 1e-6f;
        float ux = vx / den;
        float uy = vy / den;
        int valid = 0;
        for (int t = 0; t < samples; t++) {
            int x = (int) Math.rint(sx * t + ax);
            int y = (int) Math.rint(sy * t + ay);
            int cell = y * w + x;
            float dot = paf.get(fieldX + cell) * ux + paf.get(fieldY + cell) * uy;
            if (!Float.isFinite(dot)) {
                requireFinite(paf, fieldX, cell, w, plane);
                requireFinite(paf, fieldY, cell, w, plane);
            }
            if (dot > minAlignment) {
                dots[t] = dot;
                valid++;
            } else if (t + 1 - valid > maxFailures) {
                return INVALID;
            } else {
                dots[t] = 0f;
            }
        }
        double score = NumPySum.pairwise(dots, samples) / (valid + 1e-6);
        return score > 0 && (double) valid / samples > 0.8 ? score : INVALID;
    }

    /** Throws naming the channel and cell when the field at {@code offset + cell} is not finite. */
    private static void requireFinite(FloatBuffer paf, int offset, int cell, int w, int plane) {
        float v = paf.get(offset + cell);
        if (!Float.isFinite(v)) {
            throw NonFinite.at("pafs", offset / plane, null, cell / w, cell % w, v);
        }
    }
}
