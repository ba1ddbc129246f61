package io.posegate.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.WatchedGateway;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing the watched config file adds, changes and removes streams at run time, touching only those. */
class ConfigWatchTest {
    @TempDir
    Path dir;

    @Test
    void fileChangesApplyWithoutTouchingOtherStreams() throws Exception {
        Path models = GatewayHarness.CONFIG_DIR.resolve("models");
        String head = "http: {port: 0}\nmodel: demo-simulated\nmodelsDir: " + models + "\n";
        Path file = Files.writeString(dir.resolve("gateway.yaml"), head + "streams:\n  a: {source: 'demo:?fps=20'}\n");
        Vertx vertx = Vertx.vertx();
        try {
            GatewayVerticle v = WatchedGateway.deploy(vertx, file);
            Gateway g = v.gateway();
            Await.until(() -> g.stream("a") != null && g.stream("a").processed() > 0, Await.PATIENCE, () -> "stream a");
            var a = g.stream("a");
            Files.writeString(file, head + "streams:\n  a: {source: 'demo:?fps=20'}\n  b: {source: 'demo:?fps=10&people=2'}\n");
            Await.until(() -> g.stream("b") != null && g.stream("b").processed() > 0, Await.PATIENCE, () -> "stream b added");
            assertTrue(g.stream("a") == a, "stream a was restarted although it did not change");
            Files.writeString(file, head + "streams:\n  b: {source: 'demo:?fps=10&people=3'}\n");
            Await.until(() -> g.stream("a") == null, Await.PATIENCE, () -> "stream a removed");
            Await.until(() -> g.stream("b") != null && g.stream("b").spec().uri().contains("people=3"), Await.PATIENCE,
                    () -> "stream b changed");
            Files.writeString(file, head + "streams: {b: {source: 'demo:'}}\ninference: {workers: lots}\n");
            Thread.sleep(1000);
            assertTrue(g.stream("b").spec().uri().contains("people=3"), "an invalid file must not be applied");
            assertEquals(1, g.streams().size());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
