package io.posegate.gateway.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.control.ConfigChange;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.GroupingTrackers;
import io.posegate.gateway.ui.UiGateway;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway probes each backend with the options it opens it with: a runtime found only through the config's
 * {@code backends.<name>.libraryPath} is available to {@code backend: auto}, {@code /api/backends} and the fleet's
 * checks, not only to an explicit {@code backend:}.
 */
class ConfiguredProbeTest {
    @TempDir
    Path dir;

    /** Named like OpenVINO; its runtime is found only in the directory its {@code libraryPath} option names. */
    private static final class LibraryPathProvider implements BackendProvider {
        @Override
        public String name() {
            return "openvino";
        }

        @Override
        public int priority() {
            return 200;
        }

        @Override
        public Set<ModelFormat> formats() {
            return Set.of(SimulatedBackendProvider.FORMAT);
        }

        @Override
        public Probe probe() {
            return Probe.unavailable("runtime not found; set libraryPath", formats());
        }

        @Override
        public Probe probe(BackendOptions options) {
            String path = options.get("libraryPath", null);
            return path != null && Files.isDirectory(Path.of(path)) ? Probe.available("runtime in " + path, formats(), List.of("CPU"), java.util.Map.of())
                    : probe();
        }

        @Override
        public BackendSession open(ModelSpec model, BackendOptions options) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "not opened in this test");
        }
    }

    private Gateway gateway(JsonObject backends) {
        JsonObject json = UiGateway.demoConfig().put("backend", "simulated").put("streams", new JsonObject())
                .put("modelsDir", UiGateway.CONFIG_DIR.resolve("models").toString()).put("backends", backends);
        GatewayConfig cfg = GatewayConfigs.parse(json, UiGateway.CONFIG_DIR);
        return new Gateway(cfg, GatewayLauncher.descriptor(cfg),
                new BackendRegistry(List.of(new SimulatedBackendProvider(), new LibraryPathProvider())),
                GatewayLauncher.sources(cfg, new WebcamHub(IngestPolicy.defaults().webcam())), GroupingTrackers.from(cfg.tracking()),
                f -> { }, (id, state) -> { });
    }

    @Test
    void aRuntimeNamedByTheConfigsLibraryPathIsAvailable() throws Exception {
        Path libs = Files.createDirectories(dir.resolve("openvino-libs"));
        try (Gateway g = gateway(new JsonObject().put("openvino", new JsonObject().put("libraryPath", libs.toString())))) {
            Probe probe = g.registry().probe("openvino");
            assertTrue(probe.available(), probe.reason());
            assertNull(ConfigChange.unsatisfiable("openvino", g));
            assertEquals("openvino", g.registry().select("auto", SimulatedBackendProvider.FORMAT).name());
        }
        try (Gateway g = gateway(new JsonObject())) {
            assertFalse(g.registry().probe("openvino").available());
            assertTrue(ConfigChange.unsatisfiable("openvino", g).contains("set libraryPath"), ConfigChange.unsatisfiable("openvino", g));
            assertEquals("simulated", g.registry().select("auto", SimulatedBackendProvider.FORMAT).name());
        }
    }
}
