package io.posegate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config becomes one typed record; every problem is listed with its path; flags override the file. */
class GatewayConfigsTest {
    @TempDir
    Path dir;

    @Test
    void defaultConfigIsTheDemoOnLoopback() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            GatewayConfig c = new GatewayConfigLoader(vertx, Path.of("..", "config", "gateway.yaml")).load(Map.of())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals("127.0.0.1", c.http().host());
            assertEquals(8080, c.http().port());
            assertEquals("demo-simulated", c.model());
            assertEquals("auto", c.backend());
            assertEquals("demo", c.streams().get(0).id());
            assertTrue(c.streams().get(0).source().startsWith("demo:"));
            assertTrue(c.modelsDir().endsWith(Path.of("config", "models")));
            assertEquals(io.posegate.gateway.ingest.PictureLimit.DEFAULT, c.sources().pictures(),
                    "the shipped file lists the default picture limit");
        } finally {
            vertx.close();
        }
    }

    @Test
    void commandLineOverridesWinOverTheFile() throws Exception {
        Path f = Files.writeString(dir.resolve("g.yaml"), "http: {port: 9000}\nbackend: onnx\nstreams: {a: {source: 'demo:'}}\n");
        Vertx vertx = Vertx.vertx();
        try {
            GatewayConfig c = new GatewayConfigLoader(vertx, f).load(Map.of("http.port", 9100, "backend", "openvino"))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(9100, c.http().port());
            assertEquals("openvino", c.backend());
        } finally {
            vertx.close();
        }
    }

    @Test
    void everyErrorIsListedWithItsPath() {
        JsonObject json = new JsonObject()
                .put("http", new JsonObject().put("port", 70000).put("hots", "x"))
                .put("inference", new JsonObject().put("workers", "many"))
                .put("tracking", new JsonObject().put("enabled", "maybe"))
                .put("backends", new JsonObject().put("onxx", new JsonObject().put("intraOpThreads", 2)))
                .put("streams", new JsonObject().put("bad id!", new JsonObject().put("source", "demo:"))
                        .put("cam", new JsonObject().put("maxFps", -1)));
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(json, dir));
        String m = e.getMessage();
        for (String expected : new String[] {"http.port: must be between 0 and 65535", "http.hots: unknown field",
            "inference.workers: must be a number", "tracking.enabled: must be true or false", "bad id!",
            "streams.cam.source: is required", "streams.cam.maxFps: must be 0 (no cap) or between",
            "backends.onxx: unknown backend; known: onnx, openvino, simulated, tensorrt"}) {
            assertTrue(m.contains(expected), "missing '" + expected + "' in:\n" + m);
        }
    }

    @Test
    void pathsNoFileCanHaveAreFieldErrors() {
        JsonObject json = new JsonObject().put("modelFile", "a\u0000b").put("media", new JsonObject().put("dir", "m\u0000"))
                .put("streams", new JsonObject().put("x", new JsonObject().put("source", "demo:").put("modelFile", "a\u0000b")));
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(json, dir));
        String nul = ": is not a usable file path: Nul character not allowed";
        assertEquals(java.util.List.of("modelFile" + nul, "media.dir" + nul, "streams.x.modelFile" + nul), e.problems());
    }

    @Test
    void unreadableConfigFileFailsNamingIt() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Path missing = dir.resolve("missing.yaml");
            var f = new GatewayConfigLoader(vertx, missing).load(Map.of()).toCompletionStage().toCompletableFuture();
            Exception e = assertThrows(Exception.class, () -> f.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ConfigException && e.getCause().getMessage().contains("missing.yaml"), e.toString());
            Path broken = Files.writeString(dir.resolve("broken.yaml"), "http: [1, 2\n");
            var g = new GatewayConfigLoader(vertx, broken).load(Map.of()).toCompletionStage().toCompletableFuture();
            Exception e2 = assertThrows(Exception.class, () -> g.get(30, TimeUnit.SECONDS));
            assertTrue(e2.getCause().getMessage().contains("broken.yaml"), e2.getCause().getMessage());
        } finally {
            vertx.close();
        }
    }
}
