package io.posegate.gateway.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.GroupingTrackers;
import io.posegate.gateway.pipeline.PoseTracker;
import io.posegate.gateway.pipeline.TrackerFactory;
import io.posegate.gateway.testing.Await;
import io.posegate.grouping.Poses;
import io.posegate.spi.Probe;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batched path samples people's limb colours only for streams whose tracker uses them, as the single-frame
 * path does: three streams looping the real messi5.jpg through the dynamic-batch
 * {@code human-pose-estimation-0001-batch.onnx} on ONNX Runtime in batches of up to 3; with
 * {@code tracking.appearance} off no tracker is handed a coloured person, with it on they are.
 */
class BatchedColoursTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void batchedFramesCarryColoursOnlyWhenTheTrackerUsesAppearance(boolean appearance) throws Exception {
        Path shared = BatchedPeopleTest.shared();
        Probe probe = BackendRegistry.discover().probe("onnx");
        assumeTrue(probe.available(), "onnx unavailable: " + probe.reason());
        JsonObject streams = new JsonObject();
        for (String id : List.of("a", "b", "c")) {
            Path folder = Files.createDirectories(dir.resolve(id));
            Files.copy(shared.resolve("media/messi5.jpg"), folder.resolve("messi5.jpg"));
            streams.put(id, new JsonObject().put("source", "images:" + folder + "#loop=true&fps=20"));
        }
        JsonObject json = new JsonObject()
                .put("model", Path.of("..", "config", "models", "human-pose-estimation-0001.yaml").toAbsolutePath().normalize().toString())
                .put("modelFile", shared.resolve("models/human-pose-estimation-0001/human-pose-estimation-0001-batch.onnx").toString())
                .put("backend", "onnx")
                .put("backends", new JsonObject().put("onnx", new JsonObject().put("intraOpThreads", 2)))
                .put("tracking", new JsonObject().put("appearance", appearance))
                .put("inference", new JsonObject().put("batch", new JsonObject().put("maxSize", 3).put("maxWaitMs", 20)))
                .put("streams", streams);
        GatewayConfig cfg = GatewayConfigs.parse(json, dir);
        AtomicInteger frames = new AtomicInteger();
        AtomicInteger coloured = new AtomicInteger();
        BatchRecordingProvider rec = new BatchRecordingProvider(BackendRegistry.discover().get("onnx"));
        TrackerFactory real = GroupingTrackers.from(cfg.tracking());
        TrackerFactory watching = d -> {
            PoseTracker t = real.create(d);
            return new PoseTracker() {
                @Override
                public void track(Poses poses, long captureEpochMillis) {
                    if (rec.batchedRuns.get() > 0 && poses.count() > 0) {
                        frames.incrementAndGet();
                        coloured.addAndGet(hasColour(poses) ? 1 : 0);
                    }
                    t.track(poses, captureEpochMillis);
                }

                @Override
                public boolean usesAppearance() {
                    return t.usesAppearance();
                }
            };
        };
        try (Gateway g = new Gateway(cfg, GatewayLauncher.descriptor(cfg), new BackendRegistry(List.of(rec)),
                GatewayLauncher.sources(cfg, new WebcamHub(IngestPolicy.defaults().webcam())), watching, f -> { }, (id, s) -> { })) {
            g.start();
            Await.until(() -> g.runtimes().get("onnx") != null, Await.PATIENCE, () -> "the runtime opens");
            assertEquals(3, g.runtimes().get("onnx").maxBatch(), g.runtimes().get("onnx").batching());
            rec.recording = true; // after the runtime's warm-ups
            Await.until(() -> rec.batchedRuns.get() >= 4 && frames.get() >= 12, Await.PATIENCE,
                    () -> "4 batched runs and 12 frames with people after the first; got " + rec.batchedRuns.get() + " and " + frames.get());
        }
        String what = coloured + " of " + frames + " frames with people had colours (" + rec.batchedRuns + " batched runs)";
        if (appearance) {
            assertTrue(coloured.get() > 0, what);
        } else {
            assertEquals(0, coloured.get(), what);
        }
    }

    private static boolean hasColour(Poses poses) {
        for (int p = 0; p < poses.count(); p++) {
            for (int i = 0; i < poses.appearanceParts(); i++) {
                if (poses.hasColour(p, i)) {
                    return true;
                }
            }
        }
        return false;
    }
}
