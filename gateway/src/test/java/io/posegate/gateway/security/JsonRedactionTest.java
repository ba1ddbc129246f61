package io.posegate.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The redacted copy of a config document the hub's API serves; the original is what boxes are sent. */
class JsonRedactionTest {
    @Test
    void sourcesOptionsAndSecretNamedValuesAreMaskedAtAnyDepthAndTheOriginalIsKept() {
        JsonObject doc = new JsonObject().put("config", new JsonObject().put("backend", "onnx").put("streams", new JsonObject()
                .put("cam1", new JsonObject().put("source", "rtsp://admin:pa\"ss w@10.0.0.5/s").put("maxFps", 10)
                        .put("options", new JsonObject().put("ffmpeg.headers", "Authorization: Basic QUJD").put("pin", 1234)
                                .put("ffmpeg.rtsp_transport", "tcp")))))
                .put("problems", new JsonArray().add("cannot open http://u:pw@h/x?token=T"));
        String before = doc.encode();
        JsonObject shown = JsonRedaction.copy(doc);
        JsonObject cam = shown.getJsonObject("config").getJsonObject("streams").getJsonObject("cam1");
        assertEquals("rtsp://admin:***@10.0.0.5/s", cam.getString("source"));
        assertEquals(10, cam.getInteger("maxFps"));
        assertEquals(new JsonObject().put("ffmpeg.headers", "***").put("pin", "***").put("ffmpeg.rtsp_transport", "tcp"),
                cam.getJsonObject("options"));
        assertEquals("onnx", shown.getJsonObject("config").getString("backend"));
        assertEquals("cannot open http://u:***@h/x?token=***", shown.getJsonArray("problems").getString(0));
        assertEquals(before, doc.encode(), "the original is untouched");
        assertNull(JsonRedaction.copy(null));
    }
}
