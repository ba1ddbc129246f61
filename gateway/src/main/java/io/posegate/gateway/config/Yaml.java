package io.posegate.gateway.config;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML (or JSON) file into a JsonObject, turning every failure into a {@link ConfigException} naming the
 * file. A key given twice in one mapping is an error naming the key and its line (never "the last one wins").
 */
public final class Yaml {
    private Yaml() {
    }

    /**
     * Fails if a mapping in {@code file} has a key twice; other problems are left to the reader of the file.
     *
     * @throws ConfigException naming the key and its line
     */
    public static void rejectDuplicateKeys(Path file, String what) {
        try (Reader in = Files.newBufferedReader(file)) {
            strict().load(in);
        } catch (DuplicateKeyException e) {
            throw duplicate(file, what, e);
        } catch (IOException | RuntimeException e) {
            // not this check's business: the real read reports it
        }
    }

    private static org.yaml.snakeyaml.Yaml strict() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
    }

    private static ConfigException duplicate(Path file, String what, DuplicateKeyException e) {
        String problem = e.getProblem() == null ? "duplicate key" : e.getProblem();
        String key = problem.startsWith("found duplicate key ") ? problem.substring("found duplicate key ".length()) : problem;
        String where = e.getProblemMark() == null ? "" : " (line " + (e.getProblemMark().getLine() + 1) + ")";
        return new ConfigException(what + " " + file, List.of("duplicate key '" + key + "'" + where
                + ": each key may appear once in a mapping"));
    }

    public static JsonObject read(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(what + " " + file, List.of("file not found: " + file.toAbsolutePath()));
        }
        try (Reader in = Files.newBufferedReader(file)) {
            Object doc = strict().load(in);
            if (!(doc instanceof Map<?, ?> map)) {
                throw new ConfigException(what + " " + file, List.of("top level must be a mapping, got "
                        + (doc == null ? "an empty file" : doc.getClass().getSimpleName())));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            return JsonObject.of().mergeIn(new JsonObject(m), true);
        } catch (IOException e) {
            throw new ConfigException(what + " " + file, List.of("cannot read: " + e.getMessage()));
        } catch (DuplicateKeyException e) {
            throw duplicate(file, what, e);
        } catch (RuntimeException e) {
            if (e instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException(what + " " + file, List.of("not valid YAML: " + problem(e)));
        }
    }

    /**
     * What went wrong reading YAML, from the innermost cause: for a syntax error its context, problem and line
     * and column, without SnakeYAML's quote of the offending line, which may cut a camera URL before its scheme
     * ({@code ... :S3cret@cam/s"}) so that not even redaction could tell the password from the rest.
     */
    public static String problem(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof MarkedYAMLException m) {
            String context = m.getContext() == null ? "" : m.getContext() + where(m.getContextMark()) + ": ";
            return context + (m.getProblem() == null ? "invalid YAML" : m.getProblem()) + where(m.getProblemMark());
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static String where(Mark mark) {
        return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }
}
