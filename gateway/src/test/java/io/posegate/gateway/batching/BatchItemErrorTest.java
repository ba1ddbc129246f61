package io.posegate.gateway.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.GroupingTrackers;
import io.posegate.gateway.pipeline.PoseFrame;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.testing.Await;
import io.posegate.spi.Probe;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-stream batches on the real dynamic-batch model (ONNX Runtime) while publishing every frame of one
 * stream fails with an Error that is no virtual-machine error: each such frame fails alone, counted on its
 * own stream, wherever it sits in its batch; the other frames of its batches are published, and no worker dies.
 */
class BatchItemErrorTest {
    private static final List<String> STREAMS = List.of("a", "b", "c");

    @TempDir
    Path dir;

    @Test
    void anErrorPublishingOneItemFailsThatItemAloneOnItsOwnStream() throws Exception {
        Path shared = BatchedPeopleTest.shared();
        Probe probe = BackendRegistry.discover().probe("onnx");
        assumeTrue(probe.available(), "onnx unavailable: " + probe.reason());
        BatchRecordingProvider rec = new BatchRecordingProvider(BackendRegistry.discover().get("onnx"));
        Map<String, AtomicLong> published = new ConcurrentHashMap<>();
        Map<String, AtomicLong> thrown = new ConcurrentHashMap<>();
        AtomicLong failing = new AtomicLong();
        Consumer<PoseFrame> publisher = f -> {
            if (failing.get() > 0 && f.stream().equals("b")) {
                failing.decrementAndGet();
                count(thrown, "b").incrementAndGet();
                throw new AssertionError("test: publishing b failed");
            }
            count(published, f.stream()).incrementAndGet();
        };
        try (Gateway g = gateway(shared, rec, publisher)) {
            rec.recording = true;
            Await.until(() -> rec.batchedRuns.get() >= 3, Await.PATIENCE, () -> "3 batched runs, got " + rec.batchedRuns.get());
            failing.set(12);
            Await.until(() -> failing.get() == 0, Await.PATIENCE, () -> "12 failed publications of b, " + failing.get() + " to go");
            Map<String, Long> before = Map.of("a", count(published, "a").get(), "b", count(published, "b").get(),
                    "c", count(published, "c").get());
            // b's later frames wait for its earlier ones (FrameTurns): once they are out, every failure is counted
            Await.until(() -> STREAMS.stream().allMatch(id -> count(published, id).get() >= before.get(id) + 3), Await.PATIENCE,
                    () -> "3 more frames on every stream after the failures; got " + published);
            for (String id : STREAMS) {
                StreamPipeline s = g.stream(id);
                assertEquals(count(thrown, id).get(), s.errors(), "errors counted on " + id + ": " + s.lastError());
            }
            assertEquals(0, g.scheduler().workerRestarts(), "a worker died of a frame's Error");
        }
    }

    private static AtomicLong count(Map<String, AtomicLong> counts, String id) {
        return counts.computeIfAbsent(id, k -> new AtomicLong());
    }

    private Gateway gateway(Path shared, BatchRecordingProvider provider, Consumer<PoseFrame> publisher) throws Exception {
        BufferedImage messi = ImageIO.read(shared.resolve("media/messi5.jpg").toFile());
        JsonObject streams = new JsonObject();
        for (String id : STREAMS) {
            Path folder = Files.createDirectories(dir.resolve(id));
            ImageIO.write(messi, "png", folder.resolve(id + ".png").toFile());
            streams.put(id, new JsonObject().put("source", "images:" + folder + "#loop=true&fps=20"));
        }
        JsonObject json = new JsonObject()
                .put("model", BatchConfigTest.DESCRIPTOR.toString())
                .put("modelFile", shared.resolve("models/human-pose-estimation-0001/human-pose-estimation-0001-batch.onnx").toString())
                .put("backend", "onnx")
                .put("tracking", new JsonObject().put("enabled", false))
                .put("inference", new JsonObject().put("batch", new JsonObject().put("maxSize", 3).put("maxWaitMs", 20)))
                .put("streams", streams);
        GatewayConfig cfg = GatewayConfigs.parse(json, dir);
        Gateway g = new Gateway(cfg, GatewayLauncher.descriptor(cfg), new BackendRegistry(List.of(provider)),
                GatewayLauncher.sources(cfg, new WebcamHub(IngestPolicy.defaults().webcam())), GroupingTrackers.from(cfg.tracking()),
                publisher, (id, state) -> { });
        g.start();
        return g;
    }
}
