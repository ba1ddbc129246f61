package io.posegate.backend.onnx;

import io.posegate.spi.ModelSpec;
import io.posegate.spi.TensorInfo;
import java.util.List;
import java.util.logging.Logger;

/**
 * Whether an ONNX model can run several frames at once: its input's first dimension and that of every
 * output the gateway reads must be dynamic (ONNX Runtime then takes any batch). A spec asking for a
 * batch on a model with a fixed batch opens with batch 1, and the log says why; the gateway decides
 * whether that is an error (a descriptor that says the model batches) or a fallback.
 */
final class BatchSupport {
    private static final Logger LOG = Logger.getLogger(BatchSupport.class.getName());

    private BatchSupport() {
    }

    /** The session's largest batch: {@code spec.maxBatch()} if the model allows it, else 1. */
    static int of(ModelSpec spec, TensorInfo input, List<TensorInfo> outputs) {
        if (spec.maxBatch() <= 1) {
            return 1;
        }
        String why = reason(input, outputs);
        if (why != null) {
            LOG.info("model " + spec.file() + " runs one frame at a time: " + why);
            return 1;
        }
        return spec.maxBatch();
    }

    /** Why the model cannot batch, or null if it can. */
    static String reason(TensorInfo input, List<TensorInfo> outputs) {
        if (input.shape().length == 0 || input.shape()[0] >= 0) {
            return "input '" + input.name() + "' has a fixed batch dimension " + java.util.Arrays.toString(input.shape());
        }
        for (TensorInfo o : outputs) {
            if (o.shape().length == 0 || o.shape()[0] >= 0) {
                return "output '" + o.name() + "' has a fixed batch dimension " + java.util.Arrays.toString(o.shape());
            }
        }
        return null;
    }
}
