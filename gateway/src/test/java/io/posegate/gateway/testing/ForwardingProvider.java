package io.posegate.gateway.testing;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.posegate.spi.Tensor;
import io.posegate.spi.TensorInfo;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through around a real provider (same name, probe and sessions) whose sessions hand every run to
 * {@link #run}, where a test counts, gates or fails runs around the real one. Every probe passes through
 * {@link #probed}, where a test can change what it reports, and every opened session through {@link #onOpen}.
 * Everything else is forwarded; a test may also give the provider a name of its own.
 */
public abstract class ForwardingProvider implements BackendProvider {
    private final BackendProvider real;
    private final String name;

    protected ForwardingProvider(BackendProvider real) {
        this.real = requireNonNull(real, "real is null");
        this.name = null;
    }

    /** The real provider under {@code name}. */
    protected ForwardingProvider(BackendProvider real, String name) {
        this.real = requireNonNull(real, "real is null");
        this.name = requireNonNull(name, "name is null");
    }

    /**
     * One run of a session this provider opened; by default the real run.
     *
     * @param session the real session
     * @param index   0 for the session's first run (the runtime's warm-up at open), then 1, 2, ...
     */
    protected InferenceResult run(BackendSession session, Tensor input, int index) {
        return session.run(input);
    }

    /** Called with each session this provider opened (as the runtime gets it); by default nothing. */
    protected void onOpen(BackendSession session) {
    }

    /** What a probe of this provider reports, given the real provider's {@code probe}; by default that. */
    protected Probe probed(Probe probe) {
        return probe;
    }

    @Override
    public String name() {
        return name != null ? name : real.name();
    }

    @Override
    public int priority() {
        return real.priority();
    }

    @Override
    public Probe probe() {
        return probed(real.probe());
    }

    @Override
    public Probe probe(BackendOptions options) {
        return probed(real.probe(options));
    }

    @Override
    public Set<ModelFormat> formats() {
        return real.formats();
    }

    @Override
    public BackendSession open(ModelSpec model, BackendOptions options) {
        BackendSession s = real.open(model, options);
        AtomicInteger runs = new AtomicInteger();
        BackendSession forwarding = new BackendSession() {
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
        onOpen(forwarding);
        return forwarding;
    }
}
