package io.posegate.gateway.model;

import io.posegate.grouping.Poses;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks that a model really has what its descriptor says: the input, each output tensor, and for each
 * decoder role enough channels and the right map size (input size / stride).
 */
public final class DescriptorCheck {
    private DescriptorCheck() {
    }

    /** Checks names against what the session declares. */
    public static void against(ModelDescriptor d, BackendSession session) {
        List<String> errors = new ArrayList<>();
        List<String> outs = session.outputs().stream().map(TensorInfo::name).toList();
        for (var e : d.output().tensors().entrySet()) {
            if (!outs.contains(e.getValue().tensor())) {
                errors.add("output.tensors." + e.getKey() + ".name: the model has no output '" + e.getValue().tensor()
                        + "'; it has " + outs);
            }
        }
        fail(d, errors);
    }

    /**
     * Checks shapes against a real result (dynamic dimensions are only known after a run), then runs
     * the descriptor's decoder once on it, so a decoder that cannot read these outputs (too few PAF
     * channels, maps of different sizes...) is named when the model opens, not on the first frame.
     */
    public static void outputs(ModelDescriptor d, InferenceResult r) {
        List<String> errors = new ArrayList<>();
        int h = d.outputHeight();
        int w = d.outputWidth();
        int floorH = d.input().height() / d.output().stride();
        int floorW = d.input().width() / d.output().stride();
        boolean planar = d.output().layout() == TensorLayout.NCHW;
        for (var e : d.output().tensors().entrySet()) {
            Tensor t = r.output(e.getValue().tensor());
            long[] s = RoleView.mapShape(t.shape());
            String field = "output.tensors." + e.getKey();
            if (s == null) {
                errors.add(field + ": output '" + t.name() + "' has shape " + Arrays.toString(t.shape()) + ", expected "
                        + (planar ? "[1,C,H,W]" : "[1,H,W,C]"));
                continue;
            }
            long mh = planar ? s[2] : s[1];
            long mw = planar ? s[3] : s[2];
            long c = planar ? s[1] : s[3];
            if ((mh != h && mh != floorH) || (mw != w && mw != floorW)) {
                errors.add(field + ": output '" + t.name() + "' is " + mh + "x" + mw + " (" + d.output().layout() + ") but input "
                        + d.input().height() + "x" + d.input().width() + " / stride " + d.output().stride() + " gives " + h + "x" + w);
            }
            int channels = e.getValue().channels((int) c);
            int need = "heatmaps".equals(e.getKey()) ? d.topology().keypointCount() : 1;
            if (e.getValue().channelTo() > c || channels < need) {
                errors.add(field + ": output '" + t.name() + "' has " + c + " channels; the descriptor needs "
                        + need + " from channel " + e.getValue().channelFrom());
            }
        }
        if (errors.isEmpty()) {
            try {
                new ModelDecoder(d).decode(r, new Poses(d.topology().keypointCount(), d.decoder().maxPeople()));
            } catch (IllegalArgumentException e) {
                errors.add("decoder '" + d.decoder().name() + "' cannot read the outputs: " + e.getMessage());
            }
        }
        fail(d, errors);
    }

    private static void fail(ModelDescriptor d, List<String> errors) {
        if (!errors.isEmpty()) {
            throw new BackendException(ErrorCode.MODEL_MISMATCH, "model " + d.modelFile() + " does not match descriptor "
                    + d.source() + ":\n  - " + String.join("\n  - ", errors));
        }
    }
}
