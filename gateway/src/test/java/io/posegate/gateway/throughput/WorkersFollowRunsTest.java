package io.posegate.gateway.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.GroupingTrackers;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.TestDescriptors;
import io.posegate.spi.Probe;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inference workers follow the session's {@code maxConcurrentRuns} unless the config caps them: real
 * OpenVINO with {@code inferRequests: 4} gets 4 runs in flight at once (counted inside the session),
 * never more, and {@code inference.workers} still caps the pool.
 */
class WorkersFollowRunsTest {
    @TempDir
    Path dir;

    private Gateway gateway(CountingProvider counting, int workersCap) throws Exception {
        Path descriptor = TestDescriptors.write(dir, "heatmaps", 4);
        JsonObject streams = new JsonObject();
        for (int i = 0; i < 6; i++) {
            streams.put("cam" + i, new JsonObject().put("source", "demo:?people=1&width=96&height=64&fps=100"));
        }
        JsonObject json = new JsonObject().put("model", descriptor.toString()).put("backend", "openvino")
                .put("backends", new JsonObject().put("openvino", new JsonObject().put("inferRequests", 4)))
                .put("inference", new JsonObject().put("workers", workersCap)).put("streams", streams);
        GatewayConfig cfg = GatewayConfigs.parse(json, dir);
        Gateway g = new Gateway(cfg, GatewayLauncher.descriptor(cfg), new BackendRegistry(List.of(counting)),
                GatewayLauncher.sources(cfg, new WebcamHub(IngestPolicy.defaults().webcam())), GroupingTrackers.from(cfg.tracking()),
                f -> { }, (id, state) -> { });
        g.start();
        return g;
    }

    private static CountingProvider openVino(int gate) {
        Probe p = BackendRegistry.discover().probe("openvino");
        assumeTrue(p.available(), "openvino unavailable: " + p.reason());
        return new CountingProvider(BackendRegistry.discover().get("openvino"), gate);
    }

    @Test
    void openVinoWithFourInferRequestsHasFourRunsInFlightAtOnce() throws Exception {
        CountingProvider counting = openVino(4);
        try (Gateway g = gateway(counting, 0)) {
            Await.until(() -> counting.gateOpened, Await.PATIENCE, () -> "4 runs in flight at once; peak so far " + counting.peak.get());
            Await.until(() -> counting.runs.get() >= 40, Await.PATIENCE, () -> "40 runs, got " + counting.runs.get());
            ModelRuntime rt = g.runtimes().get("openvino");
            assertEquals(4, rt.maxConcurrentRuns());
            assertEquals(5, g.scheduler().workerCount(), "one worker per infer request, plus one so stages overlap");
            assertEquals(4, counting.peak.get(), "never more runs than infer requests");
            assertEquals(4, rt.peakInFlight());
            assertTrue(g.streams().stream().allMatch(s -> s.errors() == 0), "no frame failed");
        }
    }

    @Test
    void inferenceWorkersInTheConfigCapThePool() throws Exception {
        CountingProvider counting = openVino(2);
        try (Gateway g = gateway(counting, 2)) {
            Await.until(() -> counting.runs.get() >= 40, Await.PATIENCE, () -> "40 runs, got " + counting.runs.get());
            assertEquals(2, g.scheduler().workerCount());
            assertTrue(counting.peak.get() <= 2, "at most 2 runs with 2 workers, saw " + counting.peak.get());
        }
    }
}
