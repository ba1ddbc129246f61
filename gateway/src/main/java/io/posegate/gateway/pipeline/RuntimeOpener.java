package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import java.util.Map;

/**
 * Opens a model on a named backend with the options the config and the model's descriptor give, then makes
 * sure the shared inference workers are enough to keep the new runtime's runs busy. Blocks while the model
 * loads: call it from a worker thread, never an event loop. Throws what the backend throws; if anything after the open
 * throws, the opened runtime is closed before it propagates. After a successful open
 * the backend's probes are refreshed, so that {@code /api/backends} shows what the open loaded (OpenVINO's devices).
 */
final class RuntimeOpener {
    private final GatewayConfig config;
    private final BackendRegistry registry;
    private final InferenceScheduler scheduler;

    RuntimeOpener(GatewayConfig config, BackendRegistry registry, InferenceScheduler scheduler) {
        this.config = config;
        this.registry = registry;
        this.scheduler = scheduler;
    }

    /**
     * Opens {@code d} on {@code backend}; {@code auto} picks from the backends probed with the options {@code d} opens
     * with (a stream's own model may name its own {@code backends.openvino.libraryPath}).
     */
    ModelRuntime open(ModelDescriptor d, String backend) {
        BackendRegistry configured = registry.configured(name -> optionsFor(d, name));
        BackendProvider p = configured.select(backend, d.format());
        Map<String, String> opts = optionsFor(d, p.name());
        ModelRuntime rt = ModelRuntime.open(d, p, BackendOptions.of(opts), config.bounds().batch().maxSize());
        try {
            configured.refresh(p.name());
            scheduler.ensureWorkers(workersFor(rt.maxConcurrentRuns(), config.workers()));
            return rt;
        } catch (Throwable t) {
            closeAfterFailure(rt, t);
            throw t;
        }
    }

    /** Closes a runtime no caller will get; what its close throws is kept with {@code failure}, not thrown. */
    private static void closeAfterFailure(ModelRuntime rt, Throwable failure) {
        try {
            rt.close();
        } catch (Throwable closing) {
            failure.addSuppressed(closing);
        }
    }

    private Map<String, String> optionsFor(ModelDescriptor d, String backend) {
        return d.optionsFor(backend, config.backendOptions().getOrDefault(backend, Map.of()));
    }

    /**
     * Inference workers for a runtime that allows {@code runs} runs at once: one per run plus one, so a
     * frame is pre-processed or grouped while others are in the network; {@code inference.workers}, when
     * set (above 0), caps it.
     */
    static int workersFor(int runs, int configured) {
        int auto = Math.max(1, runs) + 1;
        return configured > 0 ? Math.min(configured, auto) : auto;
    }
}
