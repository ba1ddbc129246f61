package io.posegate.gateway.testing;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through around a real provider (same name, probe and sessions) whose sessions hand every run to
 * {@link #run}, where a test counts, gates or fails runs around the real one. Everything else is forwarded.
 */
public abstract class ForwardingProvider implements BackendProvider {
    private final BackendProvider real;

    protected ForwardingProvider(BackendProvider real) {
        this.real = requireNonNull(real, "real is null");
    }

    /**
     * One run of a session this provider opened.
     *
     * @param session the real session
     * @param index   0 for the session's first run (the runtime's warm-up at open), then 1, 2, ...
     */
    protected abstract InferenceResult run(BackendSession session, Tensor input, int index);

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public int priority() {
        return real.priority();
    }

    @Override
    public Probe probe() {
        return real.probe();
    }

    @Override
    public Probe probe(BackendOptions options) {
        return real.probe(options);
    }

    @Override
    public BackendSession open(ModelSpec model, BackendOptions options) {
        BackendSession s = real.open(model, options);
        AtomicInteger runs = new AtomicInteger();
        return new BackendSession() {
            @Override
            public String backendName() {
                return s.backendName();
            }

            @Override
            public String device() {
                return s.device();
            }

            @Override
            public List<TensorInfo> inputs() {
                return s.inputs();
            }

            @Override
            public List<TensorInfo> outputs() {
                return s.outputs();
            }

            @Override
            public int maxConcurrentRuns() {
                return s.maxConcurrentRuns();
            }

            @Override
            public int maxBatch() {
                return s.maxBatch();
            }

            @Override
            public InferenceResult run(Tensor input) {
                return ForwardingProvider.this.run(s, input, runs.getAndIncrement());
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }
}
