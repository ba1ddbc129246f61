package io.posegate.gateway.model;

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

    /** Checks shapes against a real result (dynamic dimensions are only known after a run). */
    public static void outputs(ModelDescriptor d, InferenceResult r) {
        List<String> errors = new ArrayList<>();
        int h = d.outputHeight();
        int w = d.outputWidth();
        for (var e : d.output().tensors().entrySet()) {
            Tensor t = r.output(e.getValue().tensor());
            long[] s = t.shape();
            String field = "output.tensors." + e.getKey();
            if (s.length != 4) {
                errors.add(field + ": output '" + t.name() + "' has shape " + Arrays.toString(s) + ", expected [1,C,H,W]");
                continue;
            }
            if (s[2] != h || s[3] != w) {
                errors.add(field + ": output '" + t.name() + "' is " + s[2] + "x" + s[3] + " but input "
                        + d.input().height() + "x" + d.input().width() + " / stride " + d.output().stride() + " gives " + h + "x" + w);
            }
            int channels = e.getValue().channels((int) s[1]);
            int need = "heatmaps".equals(e.getKey()) ? d.topology().keypointCount()
                    : "pafs".equals(e.getKey()) ? d.topology().pafChannels() : 1;
            if (e.getValue().channelTo() > s[1] || channels < need) {
                errors.add(field + ": output '" + t.name() + "' has " + s[1] + " channels; the descriptor needs "
                        + need + " from channel " + e.getValue().channelFrom());
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
