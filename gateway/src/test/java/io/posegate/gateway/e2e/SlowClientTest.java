package io.posegate.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading never blocks the others: its frames are dropped (oldest first, counted)
 * once its socket and its bounded queue are full, while a healthy client keeps receiving every frame.
 */
class SlowClientTest {
    @Test
    void stalledClientIsDroppedNotWaitedFor() throws Exception {
        JsonObject config = new JsonObject().put("model", "demo-simulated").put("http", new JsonObject().put("wsQueue", 2))
                .put("streams", new JsonObject().put("busy", new JsonObject().put("source", "demo:?people=8&fps=60")));
        try (GatewayHarness gw = new GatewayHarness(config)) {
            WebSocket stalled = gw.webSocket();
            stalled.pause();
            AtomicLong healthy = new AtomicLong();
            WebSocket good = gw.webSocket();
            good.textMessageHandler(t -> healthy.incrementAndGet());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            long dropped = 0;
            while (dropped == 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                dropped = gw.get("/api/streams").getJsonArray("streams").getJsonObject(0).getLong("wsDropped");
            }
            assertTrue(dropped > 0, "no frame was dropped for the stalled client within 90 s");
            long before = healthy.get();
            Thread.sleep(1000);
            long processedFrames = healthy.get() - before;
            assertTrue(processedFrames >= 5, "the healthy client got only " + processedFrames + " frames in 1 s while the other stalled");
            System.out.println("slow client: " + dropped + " frames dropped for the stalled client; healthy client got "
                    + processedFrames + " frames/s meanwhile");
        }
    }
}
