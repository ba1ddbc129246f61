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
 * The network alone: one session of the backend with the gateway's options, inputs of the model's size,
 * run back to back with nothing else in the process: on one thread, or on as many threads as the session
 * allows runs at once ({@link BackendSession#maxConcurrentRuns()}, e.g. OpenVINO with several streams), so
 * the baseline keeps as many runs in flight as the gateway may. The baseline that pipeline figures are
 * divided by.
 */
public final class RawLoop {
    private RawLoop() {
    }

    /**
     * Frames per second, the process CPU (cores) of the loop, how many runs it kept in flight, and the part of
     * the process CPU spent by the JVM's own JIT compiler, GC and VM threads (cores).
     */
    public record Result(String backend, long frames, double seconds, double cores, int runsInFlight, double jvmInternalCores) {
        public double fps() {
            return frames / seconds;
        }

        /** The network's CPU milliseconds per frame: the process's, less the JVM's JIT compiler, GC and VM threads. */
        public double cpuMsPerFrame() {
            return frames == 0 ? Double.NaN : 1000 * (cores - jvmInternalCores) * seconds / frames;
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
        // auto picks among the backends probed with the options it opens them with, as the gateway does
        BackendProvider p = BackendRegistry.discover().configured(name -> descriptor.optionsFor(name, options))
                .select(backend, descriptor.format());
        try (BackendSession session = p.open(descriptor.modelSpec(batch), BackendOptions.of(descriptor.optionsFor(p.name(), options)))) {
            if (session.maxBatch() < batch) {
                throw new IllegalArgumentException(session.backendName() + " opened " + descriptor.modelFile() + " for batches of at most "
                        + session.maxBatch() + ", not " + batch + " (the model needs a dynamic batch dimension)");
            }
            int runs = Math.max(1, session.maxConcurrentRuns());
            Tensor[] inputs = new Tensor[runs];
            for (int i = 0; i < runs; i++) {
                inputs[i] = input(descriptor, batch);
            }
            for (int i = 0; i < warmup; i++) {
                session.run(inputs[0]).close();
            }
            long cpu0 = CpuMeter.processCpuNanos();
            long[] jvm0 = JvmInternalThreads.cpuNanos();
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            long n = runs == 1 ? loop(session, inputs[0], end, batch) : concurrently(session, inputs, end, batch);
            double wall = (System.nanoTime() - t0) / 1e9;
            long[] jvm1 = JvmInternalThreads.cpuNanos();
            double jvm = (jvm1[0] - jvm0[0] + jvm1[1] - jvm0[1]) / 1e9 / wall;
            return new Result(session.backendName() + ":" + session.device(), n, wall,
                    (CpuMeter.processCpuNanos() - cpu0) / 1e9 / wall, runs, jvm);
        }
    }

    private static Tensor input(ModelDescriptor descriptor, int batch) {
        long[] shape = descriptor.input().shape();
        shape[0] = batch;
        Tensor input = Tensor.allocate(descriptor.input().name(), descriptor.input().type(), shape);
        if (input.type() == ElementType.FLOAT32) {
            float[] grey = new float[(int) input.elementCount()];
            Arrays.fill(grey, 128f);
            input.floats().put(grey);
        }
        return input;
    }

    private static long loop(BackendSession session, Tensor input, long end, int batch) {
        long n = 0;
        while (System.nanoTime() < end) {
            try (InferenceResult r = session.run(input)) {
                n += batch;
            }
        }
        return n;
    }

    /** One thread per allowed run ({@code posegate-raw-N}), each looping on its own input until {@code end}. */
    private static long concurrently(BackendSession session, Tensor[] inputs, long end, int batch) {
        long[] counts = new long[inputs.length];
        RuntimeException[] failure = new RuntimeException[1];
        Thread[] threads = new Thread[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            int k = i;
            threads[i] = new Thread(() -> {
                try {
                    counts[k] = loop(session, inputs[k], end, batch);
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            }, "posegate-raw-" + i);
            threads[i].start();
        }
        long n = 0;
        for (int i = 0; i < threads.length; i++) {
            try {
                threads[i].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the raw loop ran", e);
            }
            n += counts[i];
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return n;
    }
}
