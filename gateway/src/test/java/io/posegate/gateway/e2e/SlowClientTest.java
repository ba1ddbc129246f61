package io.posegate.gateway.e2e;


import io.posegate.gateway.testing.Await;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading never blocks the others: its frames are dropped (oldest first, counted)
 * once its socket and its bounded queue are full, while a healthy client keeps receiving every frame.
 */
class SlowClientTest {
    private static long wsDropped(GatewayHarness gw) {
        try {
            return gw.get("/api/streams").getJsonArray("streams").getJsonObject(0).getLong("wsDropped");
        } catch (Exception e) {
            throw new IllegalStateException("GET /api/streams failed", e);
        }
    }

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
            // filling the stalled client's socket buffers takes a while: the bound only stops a hung test
            Await.until(() -> wsDropped(gw) > 0, Duration.ofSeconds(120), () -> "a frame dropped for the stalled client");
            long before = healthy.get();
            Await.until(() -> healthy.get() >= before + 5, Await.PATIENCE,
                    () -> "5 more frames for the healthy client while the other stalls; got " + (healthy.get() - before));
            System.out.println("slow client: " + wsDropped(gw) + " frames dropped for the stalled client; the healthy client kept receiving");
        }
    }
}
