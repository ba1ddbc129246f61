package io.posegate.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.auth.TokenHash;
import io.posegate.gateway.auth.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fan-out bench end to end, small: clients in a child process authenticate with the run's viewer
 * token against a gateway that refuses anonymous access, all connect, and healthy ones receive frames.
 */
class FanoutRunTest {
    private static final Path CONFIG = Files.isDirectory(Path.of("..", "config", "models")) ? Path.of("..", "config") : Path.of("config");

    @Test
    void smallFanoutConnectsEveryClientWithATokenAndCountsFrames() throws Exception {
        Tokens.Issued viewer = Tokens.newToken();
        JsonObject config = new JsonObject()
                .put("http", new JsonObject().put("port", 0).put("maxConnectionsPerAddress", 40).put("wsIdleSeconds", 600))
                .put("auth", new JsonObject().put("anonymous", "none").put("tokens", new JsonObject().put("bench",
                        new JsonObject().put("role", "viewer").put("id", viewer.id()).put("hash", TokenHash.hash(viewer.token())))))
                .put("model", "demo-simulated").put("modelsDir", CONFIG.resolve("models").toAbsolutePath().toString()).put("backend", "auto")
                .put("streams", new JsonObject().put("demo", new JsonObject().put("source", "demo:?people=2&fps=15")));
        Vertx vertx = Vertx.vertx();
        try {
            FanoutRun.Result r = FanoutRun.measure(vertx, config, CONFIG.toAbsolutePath(), "demo", 12, 3, 1, 3, Map.of(), viewer.token());
            assertEquals(12, r.connected(), "every client authenticated and connected; first error: " + r.firstError());
            assertEquals(0, r.failed());
            assertNull(r.firstError());
            assertEquals(12, r.clientsAtEnd());
            assertTrue(r.published() > 0, "frames published in the window");
            assertTrue(r.meanShare() > 0, "healthy clients counted frames of the window");
            assertTrue(r.healthyShare() <= 1.0, "a client never counts more frames than were published: " + r.healthyShare());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }
}
