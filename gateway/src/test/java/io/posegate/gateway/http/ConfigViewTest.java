package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/config}'s tracking section ({@link JsonViews#config}) lists every tracking setting with its value. */
class ConfigViewTest {
    @TempDir
    Path dir;

    @Test
    void everyTrackingSettingIsListedWithItsConfiguredValue() {
        JsonObject streams = new JsonObject().put("a", new JsonObject().put("source", "demo:"));
        JsonObject tracking = new JsonObject().put("enabled", false).put("oksThreshold", 0.5).put("maxAge", 7)
                .put("smoothing", true).put("maxLostSeconds", 1.5).put("appearance", false);
        JsonObject view = JsonViews.config(GatewayConfigs.parse(new JsonObject().put("streams", streams).put("tracking", tracking), dir))
                .getJsonObject("tracking");
        Set<String> settings = Arrays.stream(GatewayConfig.Tracking.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(settings, new TreeSet<>(view.fieldNames()), "every setting of GatewayConfig.Tracking, no other");
        assertEquals(tracking.getMap().keySet(), settings, "this test sets every one");
        assertEquals(false, view.getBoolean("appearance"));
        assertEquals(false, view.getBoolean("enabled"));
        assertEquals(0.5, view.getDouble("oksThreshold"), 1e-6);
        assertEquals(7, view.getInteger("maxAge"));
        assertEquals(true, view.getBoolean("smoothing"));
        assertEquals(1.5, view.getDouble("maxLostSeconds"), 1e-9);

        JsonObject byDefault = JsonViews.config(GatewayConfigs.parse(new JsonObject().put("streams", streams), dir)).getJsonObject("tracking");
        assertEquals(true, byDefault.getBoolean("appearance"));
    }
}
