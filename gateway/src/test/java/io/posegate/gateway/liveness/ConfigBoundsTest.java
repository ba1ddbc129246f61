package io.posegate.gateway.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.config.GatewayConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 bounds in the config: stream count, a finite maxFps, duplicate YAML keys, and the liveness bounds. */
class ConfigBoundsTest {
    @TempDir
    Path dir;

    private static JsonObject withFps(Object maxFps) {
        return new JsonObject().put("streams", new JsonObject().put("cam", new JsonObject().put("source", "demo:").put("maxFps", maxFps)));
    }

    @Test
    void maxFpsOutsideItsFiniteRangeIsRefusedNamingTheField() {
        for (Object bad : new Object[] {"NaN", Double.NaN, "Infinity", Double.POSITIVE_INFINITY, "-Infinity", 1e-300, -1, 1e9}) {
            ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(withFps(bad), dir), "maxFps " + bad);
            assertTrue(e.getMessage().contains("streams.cam.maxFps: must be 0 (no cap) or between"), e.getMessage());
        }
        for (double ok : new double[] {0, 0.5, 15, 240, 1000}) {
            assertEquals(ok, GatewayConfigs.parse(withFps(ok), dir).streams().get(0).maxFps());
        }
    }

    @Test
    void moreStreamsThanInferenceMaxStreamsAreRefusedUpFront() {
        JsonObject streams = new JsonObject();
        for (int i = 0; i < 5; i++) {
            streams.put("s" + i, new JsonObject().put("source", "demo:"));
        }
        JsonObject json = new JsonObject().put("streams", streams).put("inference", new JsonObject().put("maxStreams", 4));
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(json, dir));
        assertTrue(e.getMessage().contains("5 streams configured, more than inference.maxStreams (4)"), e.getMessage());
        json.getJsonObject("inference").put("maxStreams", 5);
        assertEquals(5, GatewayConfigs.parse(json, dir).streams().size());
    }

    @Test
    void tenThousandStreamsInTheDefaultConfigAreRefusedBeforeAnyStarts() {
        JsonObject streams = new JsonObject();
        for (int i = 0; i < 10_000; i++) {
            streams.put("s" + i, new JsonObject().put("source", "demo:"));
        }
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(new JsonObject().put("streams", streams), dir));
        assertTrue(e.getMessage().contains("10000 streams configured, more than inference.maxStreams ("
                + GatewayConfig.Bounds.DEFAULT_MAX_STREAMS + ")"), e.getMessage());
    }

    @Test
    void livenessBoundsAreReadAndRangeChecked() {
        GatewayConfig.Bounds d = GatewayConfigs.parse(new JsonObject(), dir).bounds();
        assertEquals(GatewayConfig.Bounds.defaults(), d);
        GatewayConfig.Bounds b = GatewayConfigs.parse(new JsonObject().put("inference", new JsonObject()
                .put("runTimeoutMs", 2500).put("stallTimeoutMs", 4000).put("maxStreams", 7)), dir).bounds();
        assertEquals(new GatewayConfig.Bounds(7, Duration.ofMillis(2500), Duration.ofMillis(4000)), b);
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(new JsonObject().put("inference",
                new JsonObject().put("runTimeoutMs", 0).put("stallTimeoutMs", "soon").put("maxStreams", 0)), dir));
        for (String expected : new String[] {"inference.runTimeoutMs: must be between", "inference.stallTimeoutMs: must be a number",
            "inference.maxStreams: must be between 1"}) {
            assertTrue(e.getMessage().contains(expected), "missing '" + expected + "' in " + e.getMessage());
        }
    }

    @Test
    void aDuplicatedKeyInTheYamlFileIsAnErrorNamingTheKey() throws Exception {
        Path f = Files.writeString(dir.resolve("g.yaml"), "streams:\n  cam1: {source: 'demo:?fps=5'}\n"
                + "  cam2: {source: 'demo:'}\n  cam1: {source: 'demo:?fps=9'}\n");
        Vertx vertx = Vertx.vertx();
        try {
            var load = new GatewayConfigLoader(vertx, f).load(Map.of()).toCompletionStage().toCompletableFuture();
            ExecutionException e = assertThrows(ExecutionException.class, () -> load.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ConfigException, e.toString());
            assertTrue(e.getCause().getMessage().contains("duplicate key 'cam1' (line 4)"), e.getCause().getMessage());
            Files.writeString(f, "backend: auto\nbackend: simulated\n");
            var top = new GatewayConfigLoader(vertx, f).load(Map.of()).toCompletionStage().toCompletableFuture();
            ExecutionException e2 = assertThrows(ExecutionException.class, () -> top.get(30, TimeUnit.SECONDS));
            assertTrue(e2.getCause().getMessage().contains("duplicate key 'backend'"), e2.getCause().getMessage());
            Files.writeString(f, "streams:\n  cam1: {source: 'demo:?fps=5'}\n  cam2: {source: 'demo:'}\n");
            GatewayConfig ok = new GatewayConfigLoader(vertx, f).load(Map.of()).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertEquals(2, ok.streams().size());
        } finally {
            vertx.close();
        }
    }
}
