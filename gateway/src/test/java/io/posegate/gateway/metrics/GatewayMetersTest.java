package io.posegate.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.http.WsHub;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.GroupingTrackers;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GatewayMeters} counts each event when it happens: back-to-back swaps and runtimes opened and
 * retired before anyone reads are all counted, and a stream's meters come and go with the stream. Nothing
 * samples in between (a once-a-second poll would have seen one swap, or none).
 */
class GatewayMetersTest {
    static final Path CONFIG_DIR = Path.of("..", "config").toAbsolutePath().normalize();

    MeterRegistry registry;
    Gateway gateway;
    GatewayMeters meters;

    @BeforeEach
    void start() {
        JsonObject streams = new JsonObject().put("a", new JsonObject().put("source", "demo:?people=1&width=160&height=96&fps=5"));
        GatewayConfig cfg = GatewayConfigs.parse(new JsonObject().put("model", "demo-simulated").put("streams", streams), CONFIG_DIR);
        gateway = new Gateway(cfg, GatewayLauncher.descriptor(cfg), BackendRegistry.discover(),
                GatewayLauncher.sources(cfg, new WebcamHub(IngestPolicy.defaults().webcam())),
                GroupingTrackers.from(cfg.tracking()), f -> { }, (id, state) -> { });
        registry = new SimpleMeterRegistry();
        meters = new GatewayMeters(registry, gateway, new WsHub(8), new StageTimers(registry));
        gateway.start();
    }

    @AfterEach
    void stop() {
        meters.close();
        gateway.close();
    }

    private double count(String name, String tag, String value) {
        Counter c = registry.find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void backToBackSwapsAreEachCountedWhenTheyHappen() {
        assertEquals(1, count("posegate.backend.opens", "backend", "simulated"), "the start opened one runtime");
        gateway.swapBackend("simulated");
        gateway.swapBackend("simulated");
        assertEquals(2, count("posegate.backend.swaps", "result", "ok"));
        assertEquals(3, count("posegate.backend.opens", "backend", "simulated"), "each swap opened a runtime, retired since");
        gateway.swapBackend("onnx");
        gateway.swapBackend("onnx");
        assertEquals(2, count("posegate.backend.swaps", "result", "failed"));
        assertEquals(2, count("posegate.backend.open.failures", "backend", "onnx"));
        assertEquals(gateway.lastSwap().millis(), registry.get("posegate.backend.last.swap.ms").gauge().value());
    }

    @Test
    void aStreamsMetersComeAndGoWithTheStream() {
        assertNotNull(registry.find("posegate.stream.frames.processed").tag("stream", "a").functionCounter());
        gateway.removeStream("a");
        assertNull(registry.find("posegate.stream.frames.processed").tag("stream", "a").functionCounter());
        assertNull(registry.find("posegate.stream.fps").tag("stream", "a").gauge());
    }

    @Test
    void aStreamsStageHistogramsComeAndGoWithTheStream() {
        assertEquals(StageTimers.STAGES.length, registry.find("posegate.frame.stage").tag("stream", "a").timers().size(),
                "added with the stream, before its first frame");
        gateway.removeStream("a");
        assertEquals(0, registry.find("posegate.frame.stage").tag("stream", "a").timers().size());
    }

    @Test
    void aLateListenerHearsTheCurrentStateOnce() {
        MeterRegistry late = new SimpleMeterRegistry();
        try (GatewayMeters m = new GatewayMeters(late, gateway, new WsHub(8), new StageTimers(late))) {
            assertEquals(1, late.get("posegate.backend.opens").tag("backend", "simulated").counter().count());
            assertNotNull(late.find("posegate.stream.live").tag("stream", "a").gauge());
        }
        assertNull(late.find("posegate.ws.clients").gauge(), "closing unregisters the meters");
        assertNull(late.find("posegate.backend.opens").counter());
    }
}
