package io.posegate.gateway.config;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads a YAML (or JSON) file into a JsonObject, turning every failure into a {@link ConfigException} naming the file. */
public final class Yaml {
    private Yaml() {
    }

    public static JsonObject read(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(what + " " + file, List.of("file not found: " + file.toAbsolutePath()));
        }
        try (Reader in = Files.newBufferedReader(file)) {
            Object doc = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(doc instanceof Map<?, ?> map)) {
                throw new ConfigException(what + " " + file, List.of("top level must be a mapping, got "
                        + (doc == null ? "an empty file" : doc.getClass().getSimpleName())));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            return JsonObject.of().mergeIn(new JsonObject(m), true);
        } catch (IOException e) {
            throw new ConfigException(what + " " + file, List.of("cannot read: " + e.getMessage()));
        } catch (RuntimeException e) {
            if (e instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException(what + " " + file, List.of("not valid YAML: " + e.getMessage()));
        }
    }
}
