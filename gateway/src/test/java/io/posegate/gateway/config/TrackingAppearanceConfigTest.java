package io.posegate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.pipeline.GroupingTrackers;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracking.appearance}: on by default, off when set so, validated, and handed to the tracker. */
class TrackingAppearanceConfigTest {
    @TempDir
    Path dir;

    @Test
    void appearanceIsOnByDefaultOffWhenConfiguredAndReachesTheTracker() {
        JsonObject streams = new JsonObject().put("a", new JsonObject().put("source", "demo:"));
        GatewayConfig byDefault = GatewayConfigs.parse(new JsonObject().put("streams", streams), dir);
        assertTrue(byDefault.tracking().appearance());
        assertTrue(GroupingTrackers.params(byDefault.tracking()).appearance().enabled());
        GatewayConfig off = GatewayConfigs.parse(new JsonObject().put("streams", streams)
                .put("tracking", new JsonObject().put("appearance", false)), dir);
        assertFalse(off.tracking().appearance());
        assertFalse(GroupingTrackers.params(off.tracking()).appearance().enabled());
    }

    @Test
    void aValueThatIsNotABooleanIsAnErrorNamingTheField() {
        JsonObject json = new JsonObject().put("streams", new JsonObject().put("a", new JsonObject().put("source", "demo:")))
                .put("tracking", new JsonObject().put("appearance", "maybe"));
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(json, dir));
        assertTrue(e.getMessage().contains("tracking.appearance: must be true or false"), e.getMessage());
    }
}
