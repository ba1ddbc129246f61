package io.posegate.gateway.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.GroupingTrackers;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.testing.Await;
import io.posegate.spi.Probe;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liveness with batches, on the real dynamic-batch model (ONNX Runtime): a batched run that never returns
 * (held inside the session wrapper until the test ends) is given up by the watchdog after
 * {@code inference.runTimeoutMs}; every stream of that batch gets the error, the runtime is reopened, and
 * every stream publishes again, in batches, while the hung call is still stuck.
 */
class BatchWatchdogTest {
    @TempDir
    Path dir;

    @Test
    void aHungBatchIsGivenUpAndEveryStreamGoesOn() throws Exception {
        Path shared = BatchedPeopleTest.shared();
        Probe probe = BackendRegistry.discover().probe("onnx");
        assumeTrue(probe.available(), "onnx unavailable: " + probe.reason());
        BatchRecordingProvider rec = new BatchRecordingProvider(BackendRegistry.discover().get("onnx"));
        BufferedImage messi = ImageIO.read(shared.resolve("media/messi5.jpg").toFile());
        JsonObject streams = new JsonObject();
        for (String id : new String[] {"a", "b", "c"}) {
            Path folder = Files.createDirectories(dir.resolve(id));
            ImageIO.write(messi, "png", folder.resolve(id + ".png").toFile());
            streams.put(id, new JsonObject().put("source", "images:" + folder + "#loop=true&fps=20"));
        }
        JsonObject json = new JsonObject()
                .put("model", BatchConfigTest.DESCRIPTOR.toString())
                .put("modelFile", shared.resolve("models/human-pose-estimation-0001/human-pose-estimation-0001-batch.onnx").toString())
                .put("backend", "onnx")
                .put("inference", new JsonObject().put("runTimeoutMs", 15000)
                        .put("batch", new JsonObject().put("maxSize", 3).put("maxWaitMs", 20)))
                .put("streams", streams);
        GatewayConfig cfg = GatewayConfigs.parse(json, dir);
        Map<String, AtomicLong> frames = new ConcurrentHashMap<>();
        try (Gateway g = new Gateway(cfg, GatewayLauncher.descriptor(cfg), new BackendRegistry(java.util.List.of(rec)),
                GatewayLauncher.sources(cfg, new WebcamHub(IngestPolicy.defaults().webcam())), GroupingTrackers.from(cfg.tracking()),
                f -> frames.computeIfAbsent(f.stream(), k -> new AtomicLong()).incrementAndGet(), (id, state) -> { })) {
            g.start();
            Await.until(() -> g.runtimes().get("onnx") != null, Await.PATIENCE, () -> "the runtime opens");
            ModelRuntime first = g.runtimes().get("onnx");
            rec.recording = true;
            rec.hangBatches.set(1);
            Await.until(() -> rec.hung.get() == 1, Await.PATIENCE, () -> "a batched run hangs");
            // 15 s: far above a real batch even on a loaded 2-core machine (3 s was not), so only the hung run is given up
            Await.until(() -> g.scheduler().runTimeouts() >= 1, Await.PATIENCE, () -> "the watchdog gives up on it");
            // the counter moves first, then the streams of the batch get the error
            Await.until(() -> g.streams().stream().filter(s -> s.lastError() != null && s.lastError().contains("runTimeoutMs")).count() >= 2,
                    Await.PATIENCE, () -> "every stream of the hung batch (2 or 3 frames) gets the error; got "
                            + g.streams().stream().map(StreamPipeline::lastError).toList());
            Await.until(() -> g.runtimes().get("onnx") != null && g.runtimes().get("onnx") != first, Await.PATIENCE,
                    () -> "the runtime is reopened");
            Map<String, Long> before = Map.of("a", count(frames, "a"), "b", count(frames, "b"), "c", count(frames, "c"));
            int batchesBefore = rec.batchedRuns.get();
            Await.until(() -> before.entrySet().stream().allMatch(e -> count(frames, e.getKey()) >= e.getValue() + 3)
                            && rec.batchedRuns.get() >= batchesBefore + 2,
                    Await.PATIENCE, () -> "3 more frames on every stream, in batches, after the hang; got " + frames);
            assertEquals(1, rec.hung.get(), "still stuck: the call never returned");
            assertEquals(3, g.runtimes().get("onnx").maxBatch(), "the reopened runtime batches too");
        } finally {
            rec.release.countDown();
        }
    }

    private static long count(Map<String, AtomicLong> frames, String id) {
        AtomicLong n = frames.get(id);
        return n == null ? 0 : n.get();
    }
}
