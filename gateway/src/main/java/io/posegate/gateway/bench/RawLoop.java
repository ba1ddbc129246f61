package io.posegate.gateway.bench;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * The network alone: one session of the backend with the gateway's options, one input of the model's
 * size, run back to back on one thread with nothing else in the process. The baseline that pipeline
 * figures are divided by.
 */
public final class RawLoop {
    private RawLoop() {
    }

    /** Frames per second and the process CPU (cores) of the loop. */
    public record Result(String backend, long frames, double seconds, double cores) {
        public double fps() {
            return frames / seconds;
        }
    }

    /** Opens the model, warms up with {@code warmup} runs, then runs for {@code seconds}. Blocking. */
    public static Result measure(ModelDescriptor descriptor, String backend, Map<String, String> options, int warmup, double seconds) {
        return measure(descriptor, backend, options, warmup, seconds, 1);
    }

    /**
     * Like {@link #measure(ModelDescriptor, String, Map, int, double)} with {@code batch} frames per run (frames
     * counted one by one).
     *
     * @throws IllegalArgumentException if {@code batch} is above 1 and the session cannot batch, saying why
     */
    public static Result measure(ModelDescriptor descriptor, String backend, Map<String, String> options, int warmup, double seconds,
                                 int batch) {
        BackendProvider p = BackendRegistry.discover().select(backend, descriptor.format());
        try (BackendSession session = p.open(descriptor.modelSpec(batch), BackendOptions.of(descriptor.optionsFor(p.name(), options)))) {
            if (session.maxBatch() < batch) {
                throw new IllegalArgumentException(session.backendName() + " opened " + descriptor.modelFile() + " for batches of at most "
                        + session.maxBatch() + ", not " + batch + " (the model needs a dynamic batch dimension)");
            }
            long[] shape = descriptor.input().shape();
            shape[0] = batch;
            Tensor input = Tensor.allocate(descriptor.input().name(), descriptor.input().type(), shape);
            if (input.type() == ElementType.FLOAT32) {
                float[] grey = new float[(int) input.elementCount()];
                Arrays.fill(grey, 128f);
                input.floats().put(grey);
            }
            for (int i = 0; i < warmup; i++) {
                session.run(input).close();
            }
            long cpu0 = CpuMeter.processCpuNanos();
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            long n = 0;
            while (System.nanoTime() < end) {
                try (InferenceResult r = session.run(input)) {
                    n += batch;
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            return new Result(session.backendName() + ":" + session.device(), n, wall, (CpuMeter.processCpuNanos() - cpu0) / 1e9 / wall);
        }
    }
}
