package io.posegate.gateway.model;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Grouper;
import io.posegate.grouping.Groupers;
import io.posegate.grouping.Poses;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.nio.FloatBuffer;

/**
 * Decoder for the heatmap + Part Affinity Field family (OpenPose, trt_pose): views the two roles'
 * channel ranges without copying (unless the descriptor asks for value scaling) and hands them to the
 * shared grouping module.
 */
final class PafDecoder implements OutputDecoder {
    private final TensorRef heatmapRef;
    private final TensorRef pafRef;
    private final Grouper grouper;
    private float[] scaledHeatmaps = new float[0];
    private float[] scaledPafs = new float[0];

    PafDecoder(ModelDescriptor d) {
        this.heatmapRef = d.output().tensors().get("heatmaps");
        this.pafRef = d.output().tensors().get("pafs");
        this.grouper = Groupers.create(d.grouping().strategy(), d.topology(), d.grouping().params());
    }

    @Override
    public void decode(InferenceResult result, Poses out) {
        FeatureMap heatmaps = view(result.output(heatmapRef.tensor()), heatmapRef, true);
        FeatureMap pafs = view(result.output(pafRef.tensor()), pafRef, false);
        if (heatmaps.height() != pafs.height() || heatmaps.width() != pafs.width()) {
            throw new IllegalArgumentException("heatmaps are " + heatmaps.height() + "x" + heatmaps.width()
                    + " but pafs are " + pafs.height() + "x" + pafs.width());
        }
        grouper.group(heatmaps, pafs, out);
    }

    private FeatureMap view(Tensor t, TensorRef ref, boolean heat) {
        if (t.rank() != 4 || t.dim(0) != 1) {
            throw new IllegalArgumentException("output '" + t.name() + "' must be [1,C,H,W], got " + java.util.Arrays.toString(t.shape()));
        }
        int c = t.dim(1);
        int h = t.dim(2);
        int w = t.dim(3);
        int to = ref.channelTo() < 0 ? c : ref.channelTo();
        if (to > c) {
            throw new IllegalArgumentException("output '" + t.name() + "' has " + c + " channels; the descriptor reads up to " + to);
        }
        int channels = to - ref.channelFrom();
        FloatBuffer all = t.floats();
        FloatBuffer slice = all.position(ref.channelFrom() * h * w).limit(to * h * w).slice();
        if (ref.scale() != 1f) {
            float[] copy = heat ? scaledHeatmaps : scaledPafs;
            if (copy.length < channels * h * w) {
                copy = new float[channels * h * w];
            }
            for (int i = 0; i < channels * h * w; i++) {
                copy[i] = slice.get(i) * ref.scale();
            }
            if (heat) {
                scaledHeatmaps = copy;
            } else {
                scaledPafs = copy;
            }
            return new FeatureMap(FloatBuffer.wrap(copy), channels, h, w);
        }
        return new FeatureMap(slice, channels, h, w);
    }
}
