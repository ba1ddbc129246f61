package io.posegate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sources.allow} in the config: parsed, and every bad entry named up front. */
class SourceRulesConfigTest {
    private static JsonObject withAllow(Object allow) {
        return new JsonObject().put("sources", new JsonObject().put("allow", allow));
    }

    @Test
    void rangesAddressesAndHostsAreAccepted() {
        GatewayConfig c = GatewayConfigs.parse(withAllow(new JsonArray().add("192.168.1.0/24").add("10.0.0.7").add("camera.lan")
                .add("fd00::/8")), Path.of("."));
        assertEquals(List.of("192.168.1.0/24", "10.0.0.7", "camera.lan", "fd00::/8"), c.sources().allow());
        assertEquals(List.of(), GatewayConfigs.parse(new JsonObject(), Path.of(".")).sources().allow(), "nothing allowed by default");
    }

    @Test
    void badEntriesAreListedWithTheirPath() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> GatewayConfigs.parse(withAllow(new JsonArray().add("10.0.0.0/40").add("cam era")), Path.of(".")));
        assertTrue(e.getMessage().contains("sources.allow") && e.getMessage().contains("10.0.0.0/40")
                && e.getMessage().contains("cam era"), e.getMessage());
        ConfigException notAList = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(withAllow("10.0.0.0/8"), Path.of(".")));
        assertTrue(notAList.getMessage().contains("sources.allow"), notAList.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(
                new JsonObject().put("sources", new JsonObject().put("alow", new JsonArray())), Path.of(".")));
        assertTrue(unknown.getMessage().contains("alow") && unknown.getMessage().contains("allow"), unknown.getMessage());
    }
}
