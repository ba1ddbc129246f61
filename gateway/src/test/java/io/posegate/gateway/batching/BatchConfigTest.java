package io.posegate.gateway.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.model.BatchMode;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inference.batch} in the gateway config and {@code batch:} in a model descriptor, validated up front. */
class BatchConfigTest {
    static final Path DESCRIPTOR = Path.of("..", "config", "models", "human-pose-estimation-0001.yaml").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void batchingIsOffByDefaultAndReadFromInferenceBatch() {
        GatewayConfig.Batch d = GatewayConfigs.parse(new JsonObject(), dir).bounds().batch();
        assertEquals(1, d.maxSize(), "off unless configured");
        assertEquals(Duration.ofMillis(5), d.maxWait());
        GatewayConfig.Batch b = GatewayConfigs.parse(new JsonObject().put("inference", new JsonObject()
                .put("batch", new JsonObject().put("maxSize", 4).put("maxWaitMs", 8))), dir).bounds().batch();
        assertEquals(new GatewayConfig.Batch(4, Duration.ofMillis(8)), b);
    }

    @Test
    void everyBadBatchSettingIsListedAtOnce() {
        JsonObject json = new JsonObject().put("inference", new JsonObject().put("maxStreams", 0)
                .put("batch", new JsonObject().put("maxSize", 0).put("maxWaitMs", 5000).put("size", 4)));
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(json, dir));
        for (String expected : new String[] {"inference.batch.maxSize: must be between 1 and 64, got 0",
            "inference.batch.maxWaitMs: must be between 0 and 1000, got 5000", "inference.batch.size: unknown field; known: [maxSize, maxWaitMs]",
            "inference.maxStreams: must be between 1"}) {
            assertTrue(e.getMessage().contains(expected), "missing '" + expected + "' in " + e.getMessage());
        }
        ConfigException notObject = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(
                new JsonObject().put("inference", new JsonObject().put("batch", 4)), dir));
        assertTrue(notObject.getMessage().contains("inference.batch: must be an object"), notObject.getMessage());
    }

    @Test
    void theDescriptorSaysWhetherTheModelBatches() throws Exception {
        assertEquals(BatchMode.AUTO, ModelDescriptors.load(DESCRIPTOR).batch(), "auto unless the descriptor says otherwise");
        assertEquals(BatchMode.DYNAMIC, withBatch("dynamic").batch());
        ModelDescriptor none = withBatch("none");
        assertEquals(BatchMode.NONE, none.batch());
        assertEquals(1, none.modelSpec(4).maxBatch(), "batch: none never asks the backend for batches");
        assertEquals(4, withBatch("auto").modelSpec(4).maxBatch());
        ConfigException e = assertThrows(ConfigException.class, () -> withBatch("sometimes"));
        assertTrue(e.getMessage().contains("batch: unknown value 'sometimes'; known: [auto, dynamic, none]"), e.getMessage());
    }

    private ModelDescriptor withBatch(String value) throws Exception {
        Path copy = dir.resolve("hpe-" + value + ".yaml");
        Files.writeString(copy, Files.readString(DESCRIPTOR).replace("model:\n  format: onnx\n  file: human-pose-estimation-0001.onnx",
                "model:\n  format: onnx\n  file: " + DESCRIPTOR.resolveSibling("human-pose-estimation-0001.onnx")) + "\nbatch: " + value + "\n");
        return ModelDescriptors.load(copy);
    }
}
