package io.posegate.gateway.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the config with vertx-config: the YAML file, then environment variables, then command-line
 * overrides, each later source winning. Environment variables:
 * {@code POSEGATE_HOST}, {@code POSEGATE_PORT}, {@code POSEGATE_MODEL}, {@code POSEGATE_MODEL_FILE},
 * {@code POSEGATE_BACKEND}.
 */
public final class GatewayConfigLoader {
    private static final Map<String, String> ENV = Map.of(
            "POSEGATE_HOST", "http.host", "POSEGATE_PORT", "http.port", "POSEGATE_MODEL", "model",
            "POSEGATE_MODEL_FILE", "modelFile", "POSEGATE_BACKEND", "backend");

    private final Vertx vertx;
    private final Path file;

    public GatewayConfigLoader(Vertx vertx, Path file) {
        this.vertx = vertx;
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** A retriever over the file and the environment; {@code scanMillis} &gt; 0 watches the file. */
    public ConfigRetriever retriever(long scanMillis) {
        ConfigStoreOptions yaml = new ConfigStoreOptions().setType("file").setFormat("yaml")
                .setConfig(new JsonObject().put("path", file.toString()));
        ConfigStoreOptions env = new ConfigStoreOptions().setType("env")
                .setConfig(new JsonObject().put("keys", new JsonArray(List.copyOf(ENV.keySet()))));
        ConfigRetrieverOptions options = new ConfigRetrieverOptions().addStore(yaml).addStore(env).setIncludeDefaultStores(false);
        if (scanMillis > 0) {
            options.setScanPeriod(scanMillis);
        }
        return ConfigRetriever.create(vertx, options);
    }

    /**
     * Loads, merges {@code overrides} (dotted paths from command-line flags), and validates.
     * Fails with a {@link ConfigException} that lists every problem.
     */
    public Future<GatewayConfig> load(Map<String, Object> overrides) {
        if (!Files.isRegularFile(file)) {
            return Future.failedFuture(new ConfigException("config " + file, List.of("file not found: " + file)));
        }
        ConfigRetriever retriever = retriever(0);
        return retriever.getConfig()
                .recover(e -> Future.failedFuture(new ConfigException("config " + file, List.of("cannot read: " + Yaml.problem(e)))))
                .map(raw -> toConfig(raw, overrides))
                .onComplete(x -> retriever.close());
    }

    /**
     * Applies env mapping and overrides to a raw retrieved tree, then validates it. The retriever keeps the last
     * of duplicated keys, so the file itself is checked for them first. A null tree (a YAML file holding only
     * comments) is an empty config.
     */
    public GatewayConfig toConfig(JsonObject raw, Map<String, Object> overrides) {
        if (Files.isRegularFile(file)) {
            Yaml.rejectDuplicateKeys(file, "config");
        }
        JsonObject json;
        try {
            json = raw == null ? new JsonObject() : raw.copy();
        } catch (ClassCastException e) {
            // YAML allows any value as a map key ("192: x"); the config's keys are names (found by ConfigFuzzTest)
            throw new ConfigException("config", List.of("config: every key must be a name; a number or another value "
                    + "is used as a key somewhere in " + file.getFileName()));
        }
        if (hasNullKey(json)) {
            // YAML's "? " or "~:" makes an empty key, which no config name is (found by ConfigFuzzTest)
            throw new ConfigException("config", List.of("config: every key must be a name; an empty (null) key is used "
                    + "somewhere in " + file.getFileName()));
        }
        ENV.forEach((env, path) -> {
            Object v = json.remove(env);
            if (v != null) {
                put(json, path, v);
            }
        });
        overrides.forEach((path, v) -> put(json, path, v));
        return GatewayConfigs.parse(json, file.getParent());
    }

    private static boolean hasNullKey(Object value) {
        if (value instanceof JsonObject o) {
            return hasNullKey(o.getMap());
        }
        if (value instanceof JsonArray a) {
            return hasNullKey(a.getList());
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getKey() == null || hasNullKey(e.getValue())) {
                    return true;
                }
            }
        }
        if (value instanceof List<?> l) {
            for (Object item : l) {
                if (hasNullKey(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void put(JsonObject json, String dotted, Object value) {
        String[] parts = dotted.split("\\.");
        JsonObject o = json;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonObject next = o.getJsonObject(parts[i]);
            if (next == null) {
                next = new JsonObject();
                o.put(parts[i], next);
            }
            o = next;
        }
        o.put(parts[parts.length - 1], value);
    }
}
