package io.posegate.gateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.testing.ForwardingProvider;
import io.posegate.gateway.testing.LibraryPathProvider;
import io.posegate.gateway.testing.TestDescriptors;
import io.posegate.gateway.ui.UiGateway;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendSession;
import io.posegate.spi.Probe;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backend: auto} for a model a stream runs of its own picks among the backends probed with that model's
 * options, not the default model's: its descriptor's {@code backends.openvino.libraryPath} makes OpenVINO available.
 */
class RuntimeOpenerTest {
    @TempDir
    Path dir;

    @Test
    void autoProbesWithTheOptionsOfTheModelItOpens() throws Exception {
        GatewayConfig config = GatewayConfigs.parse(UiGateway.demoConfig().put("backend", "auto").put("streams", new JsonObject())
                .put("modelsDir", UiGateway.CONFIG_DIR.resolve("models").toString()), UiGateway.CONFIG_DIR);
        Path libs = Files.createDirectories(dir.resolve("openvino-libs"));
        ModelDescriptor defaultModel = TestDescriptors.demoCopy(Files.createDirectories(dir.resolve("default")), "");
        ModelDescriptor streamModel = TestDescriptors.demoCopy(Files.createDirectories(dir.resolve("stream")),
                "backends:\n  openvino:\n    libraryPath: " + libs + "\n");
        // as the Gateway configures it: probed with the default model's options
        BackendRegistry registry = new BackendRegistry(List.of(new SimulatedBackendProvider(), new LibraryPathProvider()))
                .configured(name -> defaultModel.optionsFor(name, config.backendOptions().getOrDefault(name, Map.of())));
        try (InferenceScheduler scheduler = new InferenceScheduler(0, Duration.ofSeconds(5), f -> { }, rt -> { })) {
            RuntimeOpener opener = new RuntimeOpener(config, registry, scheduler);
            try (ModelRuntime rt = opener.open(defaultModel, "auto")) {
                assertEquals("simulated", rt.session().backendName(), "no libraryPath for the default model: OpenVINO is not found");
            }
            BackendException e = assertThrows(BackendException.class, () -> opener.open(streamModel, "auto"));
            assertEquals(LibraryPathProvider.NOT_OPENED, e.getMessage(), "the stream's model names where OpenVINO is");
        }
    }

    /** The simulated backend, whose probe, like OpenVINO's, reports more once an open has loaded its runtime. */
    private static final class LoadsOnOpenProvider extends ForwardingProvider {
        private final AtomicInteger opened = new AtomicInteger();

        LoadsOnOpenProvider() {
            super(new SimulatedBackendProvider());
        }

        @Override
        protected Probe probed(Probe p) {
            return Probe.available(p.reason(), p.formats(), p.capabilities(),
                    Map.of("devices", opened.get() == 0 ? "listed after the runtime is loaded by the first open" : "CPU"));
        }

        @Override
        protected void onOpen(BackendSession session) {
            opened.incrementAndGet();
        }
    }

    @Test
    void aSuccessfulOpenRefreshesTheBackendsProbe() throws Exception {
        GatewayConfig config = GatewayConfigs.parse(UiGateway.demoConfig().put("backend", "simulated").put("streams", new JsonObject())
                .put("modelsDir", UiGateway.CONFIG_DIR.resolve("models").toString()), UiGateway.CONFIG_DIR);
        ModelDescriptor model = TestDescriptors.demoCopy(Files.createDirectories(dir.resolve("model")), "");
        BackendRegistry registry = new BackendRegistry(List.of(new LoadsOnOpenProvider()))
                .configured(name -> model.optionsFor(name, config.backendOptions().getOrDefault(name, Map.of())));
        String name = new SimulatedBackendProvider().name();
        assertEquals("listed after the runtime is loaded by the first open", registry.probe(name).details().get("devices"));
        try (InferenceScheduler scheduler = new InferenceScheduler(0, Duration.ofSeconds(5), f -> { }, rt -> { });
             ModelRuntime rt = new RuntimeOpener(config, registry, scheduler).open(model, name)) {
            assertEquals("CPU", registry.probe(name).details().get("devices"), "what the open loaded shows in /api/backends");
        }
    }

    /** The simulated backend, whose probe throws an Error (which the registry does not turn into a probe) once opened. */
    private static final class ProbeBreaksAfterOpenProvider extends ForwardingProvider {
        private final List<BackendSession> opened = new java.util.ArrayList<>();

        ProbeBreaksAfterOpenProvider() {
            super(new SimulatedBackendProvider());
        }

        @Override
        protected Probe probed(Probe p) {
            if (!opened.isEmpty()) {
                throw new AssertionError("probe broke after the open");
            }
            return p;
        }

        @Override
        protected void onOpen(BackendSession session) {
            opened.add(session);
        }
    }

    /**
     * When the refresh after the open throws (here an Error from a broken probe), the opened runtime is closed before
     * the failure propagates: its session refuses to run. Before, the runtime was left open and unreachable.
     */
    @Test
    void aFailureAfterTheOpenClosesTheOpenedRuntime() throws Exception {
        GatewayConfig config = GatewayConfigs.parse(UiGateway.demoConfig().put("backend", "simulated").put("streams", new JsonObject())
                .put("modelsDir", UiGateway.CONFIG_DIR.resolve("models").toString()), UiGateway.CONFIG_DIR);
        ModelDescriptor model = TestDescriptors.demoCopy(Files.createDirectories(dir.resolve("model")), "");
        ProbeBreaksAfterOpenProvider provider = new ProbeBreaksAfterOpenProvider();
        BackendRegistry registry = new BackendRegistry(List.of(provider))
                .configured(name -> model.optionsFor(name, config.backendOptions().getOrDefault(name, Map.of())));
        String name = provider.name();
        try (InferenceScheduler scheduler = new InferenceScheduler(0, Duration.ofSeconds(5), f -> { }, rt -> { })) {
            AssertionError e = assertThrows(AssertionError.class, () -> new RuntimeOpener(config, registry, scheduler).open(model, name));
            assertEquals("probe broke after the open", e.getMessage());
        }
        assertEquals(1, provider.opened.size());
        BackendSession session = provider.opened.get(0);
        io.posegate.spi.Tensor input = io.posegate.spi.Tensor.allocate(session.inputs().get(0).name(),
                session.inputs().get(0).type(), session.inputs().get(0).shape());
        BackendException closed = assertThrows(BackendException.class, () -> session.run(input));
        assertEquals(io.posegate.spi.ErrorCode.CLOSED, closed.code(), "the opened runtime was closed");
    }
}
