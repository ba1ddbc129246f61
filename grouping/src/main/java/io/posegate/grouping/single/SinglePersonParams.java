package io.posegate.grouping.single;

import io.posegate.grouping.decode.DecoderParams;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the {@code single-person} decoder.
 *
 * @param thresholds one per keypoint: a keypoint whose peak is below it is left out ({@code threshold}: a
 *                   number for all keypoints or a list of one per keypoint; default 0.1)
 * @param blurKernel odd size of a Gaussian blur applied to each heatmap before the argmax, 0 for none (0;
 *                   PoseEstimationForMobile's demo uses 5)
 * @param blurSigma  its standard deviation in cells; 0 (the default) does as OpenCV's {@code GaussianBlur} with
 *                   sigma 0: its fixed kernels for sizes 3, 5 and 7, else a sigma derived from the size
 * @param refine     sub-cell refinement of the peak: {@code none}, {@code quarter} (a quarter cell toward the
 *                   higher neighbour, per axis) or {@code dark} (a 2D Taylor expansion of the log-heatmap, as
 *                   in DARK) (default {@code quarter})
 */
record SinglePersonParams(float[] thresholds, int blurKernel, float blurSigma, Refinement refine) {
    static final List<String> REFINEMENTS = List.of("none", "quarter", "dark");

    /** How the argmax is refined below one cell. */
    enum Refinement { NONE, QUARTER, DARK }

    /** @throws IllegalArgumentException naming a value out of range (a threshold that is not a finite number too) */
    SinglePersonParams {
        if (blurKernel < 0 || (blurKernel > 0 && blurKernel % 2 == 0) || blurKernel > 31 || !(blurSigma >= 0)) {
            throw new IllegalArgumentException("single-person blurKernel must be 0 (off) or odd up to 31 and blurSigma"
                    + " >= 0; got " + blurKernel + ", " + blurSigma);
        }
        for (int k = 0; k < thresholds.length; k++) {
            if (!Float.isFinite(thresholds[k])) {
                throw new IllegalArgumentException("single-person threshold " + k + " must be a finite number, got "
                        + thresholds[k]);
            }
        }
    }

    static Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", 0.1f);
        m.put("blurKernel", 0);
        m.put("blurSigma", 0f);
        m.put("refine", "quarter");
        return m;
    }

    static SinglePersonParams from(DecoderParams p, int keypoints) {
        p.requireKnown(SinglePersonDecoderFactory.NAME, defaults().keySet());
        float[] thresholds = new float[keypoints];
        Object t = p.asMap().get("threshold");
        if (t instanceof List<?> list) {
            if (list.size() != keypoints) {
                throw new IllegalArgumentException("single-person threshold lists " + list.size()
                        + " values but the topology has " + keypoints + " keypoints");
            }
            for (int k = 0; k < keypoints; k++) {
                if (!(list.get(k) instanceof Number n)) {
                    throw new IllegalArgumentException("single-person threshold " + k + " is not a number: " + list.get(k));
                }
                thresholds[k] = n.floatValue();
            }
        } else {
            Arrays.fill(thresholds, p.floatValue("threshold", 0.1f));
        }
        Refinement r = Refinement.valueOf(p.choice("refine", "quarter", REFINEMENTS).toUpperCase(java.util.Locale.ROOT));
        return new SinglePersonParams(thresholds, p.intValue("blurKernel", 0), p.floatValue("blurSigma", 0f), r);
    }
}
