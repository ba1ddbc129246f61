package io.posegate.gateway.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-stream batching on the real dynamic-batch {@code human-pose-estimation-0001-batch.onnx}, on ONNX
 * Runtime and on OpenVINO's CPU device (skipped with the probe's reason when its runtime is missing).
 * Four streams each loop a different real picture (messi5.jpg, test_couple.jpg, both mirrored), so a
 * frame given to the wrong stream would show. The people each stream publishes with batches of up to 3
 * must be those it publishes one frame per run; no run exceeds 3 frames; each stream's frames stay in
 * order; and batched runs that fail fail their frames with an error naming the batch, while the workers
 * live on and later batches succeed.
 */
class BatchedPeopleTest {
    private static final List<String> STREAMS = List.of("messi", "couple", "messi-mirrored", "couple-mirrored");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"onnx", "openvino"})
    void batchedPeopleEqualSingleFramePeopleForEveryStream(String backend) throws Exception {
        Path shared = shared();
        Probe probe = BackendRegistry.discover().probe(backend);
        assumeTrue(probe.available(), backend + " unavailable: " + probe.reason());
        JsonObject streams = streams(shared);

        Map<String, List<PoseFrame>> single = new ConcurrentHashMap<>();
        BatchRecordingProvider one = new BatchRecordingProvider(BackendRegistry.discover().get(backend));
        one.recording = true;
        try (Gateway g = gateway(shared, streams, backend, 1, one, single)) {
            awaitFrames(g, single, 1);
            assertEquals(1, g.runtimes().get(backend).maxBatch(), "maxSize 1 never batches");
        }
        assertEquals(1, one.largest.get(), "no batch with inference.batch.maxSize 1");

        Map<String, List<PoseFrame>> batched = new ConcurrentHashMap<>();
        BatchRecordingProvider rec = new BatchRecordingProvider(BackendRegistry.discover().get(backend));
        try (Gateway g = gateway(shared, streams, backend, 3, rec, batched)) {
            Await.until(() -> g.runtimes().get(backend) != null, Await.PATIENCE, () -> "the runtime opens");
            ModelRuntime rt = g.runtimes().get(backend);
            assertEquals(3, rt.maxBatch(), rt.batching());
            rec.recording = true;
            Await.until(() -> rec.batchedRuns.get() >= 3, Await.PATIENCE, () -> "3 batched runs, got " + rec.batchedRuns.get());
            rec.failBatches.set(2);
            Await.until(() -> rec.failed.get() == 2, Await.PATIENCE, () -> "2 injected batch failures, got " + rec.failed.get());
            int before = batched.values().stream().mapToInt(List::size).sum();
            Await.until(() -> rec.batchedRuns.get() >= 8 && batched.values().stream().mapToInt(List::size).sum() > before + 4,
                    Await.PATIENCE, () -> "batches after the failures");
            assertEquals(0, g.scheduler().workerRestarts(), "a failed batch never kills a worker");
            long failedFrames = g.streams().stream().mapToLong(StreamPipeline::errors).sum();
            assertTrue(failedFrames >= 4, "each frame of the 2 failed batches counted as failed, got " + failedFrames);
            assertTrue(g.streams().stream().filter(s -> s.errors() > 0)
                    .allMatch(s -> s.lastError().contains("batched run of") && s.lastError().contains("injected failure")),
                    "the error names the batched run: " + g.streams().stream().map(StreamPipeline::lastError).toList());
        }
        assertTrue(rec.largest.get() <= 3, "a run of " + rec.largest.get() + " frames, above inference.batch.maxSize 3");
        assertTrue(rec.batchedRuns.get() >= 8, "batched runs: " + rec.batchedRuns.get());

        for (String id : STREAMS) {
            PoseFrame reference = single.get(id).get(0);
            List<PoseFrame> frames = batched.get(id);
            assertNotNull(frames, "stream " + id + " published");
            assertTrue(reference.people().size() >= 1, id + ": the picture shows people");
            long lastSeq = -1;
            for (PoseFrame f : frames) {
                assertTrue(f.seq() > lastSeq, id + ": frame " + f.seq() + " published after " + lastSeq);
                lastSeq = f.seq();
                PeopleAssert.same(reference.people(), f.people(), id + " frame " + f.seq());
            }
        }
        PeopleAssert.different(single.get("messi").get(0).people(), single.get("couple").get(0).people());
    }

    private Gateway gateway(Path shared, JsonObject streams, String backend, int maxSize, BatchRecordingProvider provider,
                            Map<String, List<PoseFrame>> out) {
        JsonObject json = new JsonObject()
                .put("model", Path.of("..", "config", "models", "human-pose-estimation-0001.yaml").toAbsolutePath().normalize().toString())
                .put("modelFile", shared.resolve("models/human-pose-estimation-0001/human-pose-estimation-0001-batch.onnx").toString())
                .put("backend", backend)
                .put("backends", new JsonObject().put("onnx", new JsonObject().put("intraOpThreads", 2)))
                .put("tracking", new JsonObject().put("enabled", false))
                .put("inference", new JsonObject().put("batch", new JsonObject().put("maxSize", maxSize).put("maxWaitMs", 20)))
                .put("streams", streams);
        GatewayConfig cfg = GatewayConfigs.parse(json, dir);
        Gateway g = new Gateway(cfg, GatewayLauncher.descriptor(cfg), new BackendRegistry(List.of(provider)),
                GatewayLauncher.sources(cfg, new WebcamHub(IngestPolicy.defaults().webcam())), GroupingTrackers.from(cfg.tracking()),
                f -> out.computeIfAbsent(f.stream(), k -> new CopyOnWriteArrayList<>()).add(f), (id, state) -> { });
        g.start();
        return g;
    }

    private static void awaitFrames(Gateway g, Map<String, List<PoseFrame>> frames, int each) throws InterruptedException {
        Await.until(() -> STREAMS.stream().allMatch(s -> frames.getOrDefault(s, List.of()).size() >= each), Await.PATIENCE,
                () -> each + " frames per stream; got " + frames.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList()
                        + ", errors " + g.streams().stream().map(StreamPipeline::lastError).toList());
    }

    /** One folder per stream, holding one real picture (or its mirror image), looped. */
    private JsonObject streams(Path shared) throws Exception {
        BufferedImage messi = ImageIO.read(shared.resolve("media/messi5.jpg").toFile());
        BufferedImage couple = ImageIO.read(shared.resolve("media/test_couple.jpg").toFile());
        Map<String, BufferedImage> pictures = Map.of("messi", messi, "couple", couple, "messi-mirrored", mirror(messi),
                "couple-mirrored", mirror(couple));
        JsonObject streams = new JsonObject();
        for (String id : STREAMS) {
            Path folder = Files.createDirectories(dir.resolve(id));
            ImageIO.write(pictures.get(id), "png", folder.resolve(id + ".png").toFile());
            streams.put(id, new JsonObject().put("source", "images:" + folder + "#loop=true&fps=20"));
        }
        return streams;
    }

    private static BufferedImage mirror(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                out.setRGB(in.getWidth() - 1 - x, y, in.getRGB(x, y));
            }
        }
        return out;
    }

    static Path shared() {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null && !shared.isBlank(), "POSEGATE_SHARED is not set (folder holding models/ and media/)");
        Path p = Path.of(shared);
        assumeTrue(Files.isRegularFile(p.resolve("models/human-pose-estimation-0001/human-pose-estimation-0001-batch.onnx")),
                "POSEGATE_SHARED has no human-pose-estimation-0001-batch.onnx");
        return p;
    }
}
