package io.posegate.gateway.cli;

import io.posegate.gateway.config.Yaml;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits the {@code auth.tokens} entries of a config file as text, so comments and layout elsewhere
 * survive: an entry is one line {@code "NAME": {role: R, id: "ID", hash: "HASH"}} under {@code auth:} /
 * {@code tokens:}. Every edit is checked by reading the YAML back, and the file is replaced atomically;
 * a layout it cannot edit (e.g. flow-style {@code auth: {…}}) is refused with a message, the file untouched.
 */
final class TokenConfigFile {
    private final Path file;

    TokenConfigFile(Path file) {
        this.file = file;
    }

    /** The tokens now in the file: name to {role, id, hash}. */
    JsonObject tokens() {
        if (!Files.exists(file)) {
            return new JsonObject();
        }
        JsonObject auth = Yaml.read(file, "config").getJsonObject("auth");
        JsonObject t = auth == null ? null : auth.getJsonObject("tokens");
        return t == null ? new JsonObject() : t;
    }

    void add(String name, String role, String id, String hash) throws IOException {
        if (tokens().containsKey(name)) {
            throw new IllegalArgumentException("a token named '" + name + "' exists in " + file + "; revoke it first or pick another name");
        }
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        int auth = topLevel(lines, "auth");
        int tokens = auth < 0 ? -1 : child(lines, auth, "tokens");
        if (auth >= 0 && !lines.get(auth).trim().equals("auth:")) {
            throw new IllegalArgumentException("cannot edit '" + lines.get(auth).trim() + "' in " + file + "; write auth: as a block");
        }
        if (auth < 0) {
            lines.add("auth:");
            lines.add("  tokens:");
            tokens = lines.size() - 1;
        } else if (tokens < 0) {
            lines.add(auth + 1, "  tokens:");
            tokens = auth + 1;
        } else if (!lines.get(tokens).trim().equals("tokens:")) {
            throw new IllegalArgumentException("cannot edit '" + lines.get(tokens).trim() + "' in " + file + "; write tokens: as a block");
        }
        String indent = lines.get(tokens).substring(0, indentOf(lines.get(tokens))) + "  ";
        lines.add(tokens + 1, indent + "\"" + name + "\": {role: " + role + ", id: \"" + id + "\", hash: \"" + hash + "\"}");
        write(lines, t -> hash.equals(t.getJsonObject(name, new JsonObject()).getString("hash")));
    }

    /** @return whether a token of that name was there */
    boolean revoke(String name) throws IOException {
        if (!tokens().containsKey(name)) {
            return false;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int tokens = child(lines, topLevel(lines, "auth"), "tokens");
        int depth = indentOf(lines.get(tokens));
        for (int i = tokens + 1; i < lines.size() && (lines.get(i).isBlank() || indentOf(lines.get(i)) > depth); i++) {
            String key = lines.get(i).trim();
            if (key.startsWith("\"" + name + "\":") || key.startsWith("'" + name + "':") || key.startsWith(name + ":")) {
                int d = indentOf(lines.get(i));
                lines.remove(i);
                while (i < lines.size() && !lines.get(i).isBlank() && indentOf(lines.get(i)) > d) {
                    lines.remove(i);
                }
                write(lines, t -> !t.containsKey(name));
                return true;
            }
        }
        throw new IllegalArgumentException("token '" + name + "' is in " + file + " in a layout this command cannot edit; remove it by hand");
    }

    private void write(List<String> lines, java.util.function.Predicate<JsonObject> check) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".posegate-config", ".tmp");
        try {
            Files.write(tmp, lines);
            JsonObject auth = Yaml.read(tmp, "config").getJsonObject("auth");
            JsonObject t = auth == null ? new JsonObject() : auth.getJsonObject("tokens", new JsonObject());
            if (!check.test(t)) {
                throw new IllegalStateException("editing " + file + " did not give the expected YAML; file left unchanged");
            }
            if (Files.exists(file)) {
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the default permissions stay
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int topLevel(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + ":")) {
                return i;
            }
        }
        return -1;
    }

    private static int child(List<String> lines, int parent, String key) {
        for (int i = parent + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.trim().startsWith("#")) {
                continue;
            }
            if (indentOf(l) == 0) {
                return -1;
            }
            if (l.trim().startsWith(key + ":")) {
                return i;
            }
        }
        return -1;
    }

    private static int indentOf(String l) {
        int i = 0;
        while (i < l.length() && l.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
