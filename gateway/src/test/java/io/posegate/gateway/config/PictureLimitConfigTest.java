package io.posegate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.PictureLimit;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code sources.maxPictureSide} and {@code sources.maxPicturePixels}: parsed, defaulted, and every bad value named. */
class PictureLimitConfigTest {
    private static GatewayConfig parse(JsonObject sources) {
        return GatewayConfigs.parse(new JsonObject().put("sources", sources), Path.of("."));
    }

    @Test
    void absentKeysKeepTheDefaultLimit() {
        assertEquals(PictureLimit.DEFAULT, GatewayConfigs.parse(new JsonObject(), Path.of(".")).sources().pictures());
        assertEquals(new PictureLimit(8192, 40_000_000L), PictureLimit.DEFAULT, "the default is unchanged");
    }

    @Test
    void configuredValuesAreCarried() {
        GatewayConfig c = parse(new JsonObject().put("maxPictureSide", 4096).put("maxPicturePixels", 12_000_000));
        assertEquals(new PictureLimit(4096, 12_000_000L), c.sources().pictures());
        GatewayConfig sideOnly = parse(new JsonObject().put("maxPictureSide", 1920));
        assertEquals(new PictureLimit(1920, PictureLimit.DEFAULT.maxPixels()), sideOnly.sources().pictures(),
                "the other key keeps its default");
    }

    @Test
    void badValuesAreListedWithTheOtherErrorsEachNamingItsKey() {
        JsonObject json = new JsonObject()
                .put("http", new JsonObject().put("port", 70000))
                .put("sources", new JsonObject().put("maxPictureSide", 0).put("maxPicturePixels", "lots"));
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(json, Path.of(".")));
        String m = e.getMessage();
        assertTrue(m.contains("http.port"), m);
        assertTrue(m.contains("sources.maxPictureSide: must be between 1 and 65535, got 0"), m);
        assertTrue(m.contains("sources.maxPicturePixels: must be a number"), m);
    }

    @Test
    void absurdValuesAreRefused() {
        ConfigException pixels = assertThrows(ConfigException.class,
                () -> parse(new JsonObject().put("maxPicturePixels", 1_000_000_000_000L)));
        assertTrue(pixels.getMessage().contains("sources.maxPicturePixels: must be between 1 and 700000000"), pixels.getMessage());
        ConfigException side = assertThrows(ConfigException.class, () -> parse(new JsonObject().put("maxPictureSide", 100_000)));
        assertTrue(side.getMessage().contains("sources.maxPictureSide"), side.getMessage());
        ConfigException negative = assertThrows(ConfigException.class, () -> parse(new JsonObject().put("maxPicturePixels", -5)));
        assertTrue(negative.getMessage().contains("sources.maxPicturePixels"), negative.getMessage());
        ConfigException fraction = assertThrows(ConfigException.class, () -> parse(new JsonObject().put("maxPictureSide", 100.5)));
        assertTrue(fraction.getMessage().contains("sources.maxPictureSide: must be a whole number"), fraction.getMessage());
    }
}
