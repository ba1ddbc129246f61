package io.posegate.grouping.trtpose;

import io.posegate.grouping.NonFinite;
import java.nio.FloatBuffer;

/**
 * trt_pose's paf_score_graph for one limb: the mean, over evenly spaced samples on the segment A-B, of
 * the dot product of the unit vector A-B with the field at the sample's cell (samples outside the map
 * count as 0). Same float operations as trt_pose; a sample whose field is not finite refuses the frame.
 */
final class PafScorer {
    private static final double EPS = 1e-5;
    private final int samples;
    /** t / (samples - 1) in float, as trt_pose computes it for every sample. */
    private final float[] progress;

    PafScorer(int samples) {
        this.samples = samples;
        this.progress = new float[samples];
        for (int t = 0; t < samples; t++) {
            progress[t] = (float) t / ((float) samples - 1);
        }
    }

    /**
     * Fills {@code graph[a * stride + b]} for every peak a of channel {@code ca} and b of {@code cb}.
     *
     * @param pafY offset of the limb's y (row) channel in {@code paf}
     * @param pafX offset of the limb's x (column) channel
     * @throws IllegalArgumentException naming the PAF channel and cell of a sample that is NaN or infinite
     */
    void score(FloatBuffer paf, int pafY, int pafX, int h, int w, PeakTable peaks, int ca, int cb, float[] graph,
            int stride) {
        int countA = peaks.counts[ca];
        int countB = peaks.counts[cb];
        int baseA = ca * peaks.maxPeaks;
        int baseB = cb * peaks.maxPeaks;
        for (int a = 0; a < countA; a++) {
            float ai = peaks.normY[baseA + a] * h;
            float aj = peaks.normX[baseA + a] * w;
            for (int b = 0; b < countB; b++) {
                float abI = peaks.normY[baseB + b] * h - ai;
                float abJ = peaks.normX[baseB + b] * w - aj;
                float norm = (float) ((float) Math.sqrt(abI * abI + abJ * abJ) + EPS);
                float uI = abI / norm;
                float uJ = abJ / norm;
                float integral = 0f;
                for (int t = 0; t < samples; t++) {
                    int pi = (int) (ai + progress[t] * abI);
                    int pj = (int) (aj + progress[t] * abJ);
                    if (pi < 0 || pi >= h || pj < 0 || pj >= w) {
                        continue;
                    }
                    int cell = pi * w + pj;
                    float dot = paf.get(pafY + cell) * uI + paf.get(pafX + cell) * uJ;
                    if (!Float.isFinite(dot)) {
                        requireFinite(paf, pafY, cell, h, w);
                        requireFinite(paf, pafX, cell, h, w);
                    }
                    integral += dot;
                }
                graph[a * stride + b] = integral / samples;
            }
        }
    }

    /** Throws naming the channel and cell when the field at {@code offset + cell} is not finite. */
    private static void requireFinite(FloatBuffer paf, int offset, int cell, int h, int w) {
        float v = paf.get(offset + cell);
        if (!Float.isFinite(v)) {
            throw NonFinite.at("pafs", offset / (h * w), null, cell / w, cell % w, v);
        }
    }
}
