package io.posegate.gateway.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vertx.config.yaml.YamlProcessor;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes the config validator with YAML text, through the same YAML processor the loader uses
 * (vertx-config-yaml) and {@link GatewayConfigLoader#toConfig}. Invariant: text the YAML layer accepts
 * either becomes a {@link GatewayConfig} or is refused with a {@link ConfigException} listing the
 * problems; no other exception. Seeds: {@code ConfigFuzzTestInputs/configValidator/}.
 */
class ConfigFuzzTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static final GatewayConfigLoader LOADER = new GatewayConfigLoader(VERTX, Path.of("config", "posegate.yaml"));

    @AfterAll
    static void close() {
        VERTX.close();
    }

    @FuzzTest(maxDuration = "10s")
    void configValidator(byte[] input) throws Exception {
        JsonObject raw;
        try {
            raw = new YamlProcessor().process(VERTX, new JsonObject(), Buffer.buffer(new String(input, StandardCharsets.UTF_8)))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException notYaml) {
            return; // the loader reports this as "cannot read: ..." (a ConfigException)
        }
        try {
            LOADER.toConfig(raw, Map.of());
        } catch (ConfigException expected) {
            // refused, with every problem listed
        }
    }
}
