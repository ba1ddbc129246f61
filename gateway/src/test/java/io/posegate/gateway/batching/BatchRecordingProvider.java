package io.posegate.gateway.batching;

import io.posegate.spi.BackendException;
import io.posegate.gateway.testing.ForwardingProvider;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through around a real provider (same name) that records the batch size of every run after the
 * runtime's warm-ups, and can make the next {@code failBatches} batched runs (above 1 frame) fail as a
 * runtime failure would, before reaching the real session, or the next {@code hangBatches} hang (as a stuck
 * native call would) until {@code release} opens.
 */
final class BatchRecordingProvider extends ForwardingProvider {
    final AtomicInteger largest = new AtomicInteger();
    final AtomicInteger batchedRuns = new AtomicInteger();
    final AtomicInteger runs = new AtomicInteger();
    final AtomicInteger failBatches = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger hangBatches = new AtomicInteger();
    final AtomicInteger hung = new AtomicInteger();
    final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    volatile boolean recording;

    BatchRecordingProvider(BackendProvider real) {
        super(real);
    }

    @Override
    protected InferenceResult run(BackendSession s, Tensor input, int index) {
        if (recording) {
            int n = input.dim(0);
            runs.incrementAndGet();
            largest.accumulateAndGet(n, Math::max);
            if (n > 1) {
                batchedRuns.incrementAndGet();
                if (hangBatches.getAndUpdate(k -> Math.max(0, k - 1)) > 0) {
                    hung.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (failBatches.getAndUpdate(k -> Math.max(0, k - 1)) > 0) {
                    failed.incrementAndGet();
                    throw new BackendException(ErrorCode.INFERENCE_FAILED, "injected failure of a batch of " + n);
                }
            }
        }
        return s.run(input);
    }
}
