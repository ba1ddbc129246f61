package io.posegate.gateway.fleet;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What a box keeps on disk in {@code stateDir/{boxId}/}: its boot counter ({@code boot-seq}), the newest
 * desired-config version it has decided on ({@code seen.json}, so a retained message is not re-applied on
 * every reconnect) and its last-known-good config ({@code last-known-good.json}). Files are replaced
 * atomically (write, then rename). Called from the agent's single worker thread only.
 */
final class FleetState {
    private final Path dir;

    FleetState(Path stateDir, String boxId) {
        this.dir = stateDir.resolve(boxId);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("fleet.stateDir " + dir + " cannot be created: " + e.getMessage(), e);
        }
    }

    /** Increments and returns the boot counter: 1 on a box's first start, higher on every restart. */
    long nextBootSeq() {
        Path f = dir.resolve("boot-seq");
        long seq = 0;
        try {
            if (Files.exists(f)) {
                seq = Long.parseLong(Files.readString(f).trim());
            }
        } catch (IOException | NumberFormatException e) {
            seq = 0;
        }
        write(f, Long.toString(seq + 1));
        return seq + 1;
    }

    /** The newest desired version decided on (applied, rejected or rolled back), 0 if none. */
    long seenVersion() {
        JsonObject o = read("seen.json");
        return o == null ? 0 : o.getLong("version", 0L);
    }

    void seenVersion(long version) {
        write(dir.resolve("seen.json"), new JsonObject().put("version", version).encode());
    }

    /** {@code {version, rolloutId, config}} of the last config that passed its soak, or null. */
    JsonObject lastKnownGood() {
        return read("last-known-good.json");
    }

    void lastKnownGood(JsonObject lkg) {
        write(dir.resolve("last-known-good.json"), lkg.encodePrettily());
    }

    private JsonObject read(String name) {
        Path f = dir.resolve(name);
        try {
            return Files.exists(f) ? new JsonObject(Files.readString(f)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void write(Path f, String text) {
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
        }
    }
}
