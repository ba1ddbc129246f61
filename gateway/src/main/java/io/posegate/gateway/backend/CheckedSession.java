package io.posegate.gateway.backend;

import io.posegate.gateway.model.DescriptorCheck;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;

/**
 * A backend session whose model was checked against its descriptor and warmed up: one frame, then one full
 * batch when the session batches.
 *
 * @param session    the open session, owned by the caller
 * @param batching   how the session batches, or why it runs one frame at a time ({@link BatchPolicy#check})
 * @param openMillis how long opening, checking and warming up took
 */
record CheckedSession(BackendSession session, String batching, long openMillis) {

    /**
     * Opens the descriptor's model on {@code provider} for batches of up to {@code maxBatch} frames, checks
     * it and warms it up. Blocking. On any failure, an Error too (a direct-buffer OutOfMemoryError while
     * warming up), the session is closed and the failure thrown.
     */
    static CheckedSession open(ModelDescriptor descriptor, BackendProvider provider, BackendOptions options, int maxBatch) {
        long t0 = System.nanoTime();
        BackendSession session = provider.open(descriptor.modelSpec(maxBatch), options);
        String batching;
        try {
            DescriptorCheck.against(descriptor, session);
            Tensor warm = Tensor.allocate(descriptor.input().name(), descriptor.input().type(), descriptor.input().shape());
            try (InferenceResult r = session.run(warm)) {
                DescriptorCheck.outputs(descriptor, r);
            }
            batching = BatchPolicy.check(descriptor, session, maxBatch);
            if (session.maxBatch() > 1) {
                long[] shape = descriptor.input().shape();
                shape[0] = session.maxBatch();
                session.run(Tensor.allocate(descriptor.input().name(), descriptor.input().type(), shape)).close();
            }
        } catch (RuntimeException | Error e) {
            closeAfterFailure(session, e);
            throw e;
        }
        return new CheckedSession(session, batching, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Closes the session; a failure to close is added to {@code failure}, which stays what the caller sees. */
    private static void closeAfterFailure(BackendSession session, Throwable failure) {
        try {
            session.close();
        } catch (RuntimeException | Error e) {
            failure.addSuppressed(e);
        }
    }
}
