package io.posegate.gateway.backend;

import io.posegate.gateway.model.BatchMode;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import java.util.logging.Logger;

/**
 * Decides, once a session is open, whether its frames are batched: only when the config asks for
 * batches ({@code inference.batch.maxSize} above 1), the descriptor allows them ({@code batch:} is not
 * {@code none}) and the session accepts them ({@link BackendSession#maxBatch()}). A descriptor that says
 * {@code batch: dynamic} on a session that cannot batch is an error; with {@code batch: auto} the model
 * runs one frame at a time and the log says why.
 */
final class BatchPolicy {
    private static final Logger LOG = Logger.getLogger(BatchPolicy.class.getName());

    private BatchPolicy() {
    }

    /**
     * @return a sentence saying how frames run, for logs and status
     * @throws BackendException {@link ErrorCode#MODEL_MISMATCH} when the descriptor promises a batch the session lacks
     */
    static String check(ModelDescriptor d, BackendSession session, int maxBatch) {
        String label = session.backendName() + ":" + session.device();
        if (maxBatch <= 1) {
            return "one frame per run (inference.batch.maxSize is " + maxBatch + ")";
        }
        if (d.batch() == BatchMode.NONE) {
            return "one frame per run (descriptor " + d.name() + " says batch: none)";
        }
        if (session.maxBatch() > 1) {
            String s = "batches of up to " + session.maxBatch() + " frames on " + label;
            LOG.info(d.name() + ": " + s);
            return s;
        }
        String why = label + " opened " + d.modelFile() + " for one frame per run (model inputs " + session.inputs()
                + "): batching needs a model whose first input dimension is dynamic, on a backend that batches it (onnx, openvino)";
        if (d.batch() == BatchMode.DYNAMIC) {
            throw new BackendException(ErrorCode.MODEL_MISMATCH, "descriptor " + d.source() + " says batch: dynamic, but "
                    + why + "; use a model file with a dynamic batch, or batch: auto to run one frame at a time");
        }
        String s = "one frame per run: inference.batch.maxSize is " + maxBatch + " but " + why;
        LOG.warning(d.name() + ": " + s);
        return s;
    }
}
