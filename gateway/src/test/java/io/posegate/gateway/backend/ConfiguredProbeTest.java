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
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.GroupingTrackers;
import io.posegate.gateway.testing.LibraryPathProvider;
import io.posegate.gateway.testing.TestDescriptors;
import io.posegate.gateway.ui.UiGateway;
import io.posegate.spi.Probe;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Test
    void probesAreKeptPerBackendAndOptionsAcrossConfiguredRegistries() throws Exception {
        LibraryPathProvider ov = new LibraryPathProvider();
        BackendRegistry base = new BackendRegistry(List.of(new SimulatedBackendProvider(), ov));
        Path libs = Files.createDirectories(dir.resolve("libs"));
        Map<String, String> withPath = Map.of("libraryPath", libs.toString());
        assertTrue(base.configured(n -> withPath).probe("openvino").available());
        assertTrue(base.configured(n -> new java.util.HashMap<>(withPath)).probe("openvino").available());
        assertEquals(1, ov.probes.get(), "the same options are probed once");
        assertFalse(base.probe("openvino").available(), "without options the runtime is not found");
        assertEquals(2, ov.probes.get());
    }

    @Test
    void speedsMeasureABackendFoundOnlyThroughTheOptionsItOpensWith() throws Exception {
        Path libs = Files.createDirectories(dir.resolve("libs"));
        BackendRegistry registry = new BackendRegistry(List.of(new SimulatedBackendProvider(), new LibraryPathProvider()));
        ModelDescriptor plain = TestDescriptors.demoCopy(Files.createDirectories(dir.resolve("plain")), "");
        assertEquals(List.of("simulated"), backends(BackendSpeeds.measure(plain, registry, Map.of(), 0, 1)));
        // from the command line's options
        List<BackendSpeeds.Speed> given = BackendSpeeds.measure(plain, registry,
                Map.of("openvino", Map.of("libraryPath", libs.toString())), 0, 1);
        assertEquals(List.of("openvino", "simulated"), backends(given));
        assertEquals(LibraryPathProvider.NOT_OPENED, given.get(0).error());
        // from the descriptor's backends.openvino.libraryPath
        ModelDescriptor own = TestDescriptors.demoCopy(Files.createDirectories(dir.resolve("own")),
                "backends:\n  openvino:\n    libraryPath: " + libs + "\n");
        assertEquals(List.of("openvino", "simulated"), backends(BackendSpeeds.measure(own, registry, Map.of(), 0, 1)));
    }

    private static List<String> backends(List<BackendSpeeds.Speed> speeds) {
        return speeds.stream().map(BackendSpeeds.Speed::backend).toList();
    }
}
