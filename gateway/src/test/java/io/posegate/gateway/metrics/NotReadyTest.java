package io.posegate.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A gateway whose backend cannot load its model is alive but not ready, and says why. */
class NotReadyTest {
    @Test
    void readyIsDownWhenNoBackendLoadsTheModel() throws Exception {
        JsonObject cfg = UiGateway.demoConfig().put("backend", "onnx");
        try (UiGateway gateway = new UiGateway(cfg)) {
            assertEquals(200, gateway.get("/health").status());
            UiGateway.Reply r = gateway.get("/ready");
            assertEquals(503, r.status(), r.text());
            JsonObject ready = r.body().toJsonObject();
            assertEquals("DOWN", ready.getString("outcome"));
            JsonObject backend = OpsEndpointsTest.checkData(ready, "backend");
            assertEquals("no backend loaded", backend.getString("reason"));
            assertTrue(backend.getJsonObject("errors").getString("onnx").length() > 0, backend.encode());
            JsonObject demo = OpsEndpointsTest.checkData(ready, "streams").getJsonObject("demo");
            assertEquals("failed", demo.getString("phase"));
            assertTrue(demo.getString("reason").contains("onnx"), demo.encode());
        }
    }
}
