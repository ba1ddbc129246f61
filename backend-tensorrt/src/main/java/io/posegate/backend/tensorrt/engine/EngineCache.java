package io.posegate.backend.tensorrt.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A directory of built engines, one file {@code <key id>.engine} per {@link EngineCacheKey} plus a
 * {@code <key id>.key} text file describing the key for operators.
 *
 * <p><b>Atomicity.</b> Entries are written to a temporary file in the same directory and renamed into
 * place, so a reader (or a crash) never sees half an engine. <b>Corruption.</b> An entry that fails its
 * envelope check is deleted and reported as absent, so the caller rebuilds it. An entry that exists but cannot
 * be read (a directory in its place, no read permission, an I/O error) is logged as a warning naming the file and
 * reported as absent too: the cache only saves build time, so it never makes an open fail.
 *
 * <p><b>Threading.</b> Safe for concurrent use, also across processes: the last complete write wins.
 */
public final class EngineCache {
    private static final System.Logger LOG = System.getLogger(EngineCache.class.getName());

    private final Path dir;

    public EngineCache(Path dir) {
        this.dir = requireNonNull(dir, "dir is null").toAbsolutePath();
    }

    public Path dir() {
        return dir;
    }

    /** Where the engine of {@code key} lives (it may not exist). */
    public Path entry(EngineCacheKey key) {
        return dir.resolve(requireNonNull(key, "key is null").id() + ".engine");
    }

    /** The sidecar file describing {@code key}. */
    public Path description(EngineCacheKey key) {
        return dir.resolve(key.id() + ".key");
    }

    /**
     * The cached serialised engine, or empty when there is none, it was corrupt (then it is deleted) or it cannot
     * be read (then a warning names the file). Never throws for I/O.
     */
    public Optional<byte[]> load(EngineCacheKey key) {
        Path file = entry(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read engine cache entry {0}: {1}; treating it as absent, the engine will be rebuilt",
                    file, e.toString());
            return Optional.empty();
        }
        try {
            return Optional.of(EngineEnvelope.unwrap(bytes));
        } catch (EngineEnvelope.CorruptEntryException e) {
            LOG.log(System.Logger.Level.WARNING, "corrupt engine cache entry {0}: {1}; deleting it, the engine will be rebuilt",
                    file, e.getMessage());
            invalidate(key);
            return Optional.empty();
        }
    }

    /**
     * Stores a serialised engine atomically and returns its path.
     *
     * @throws UncheckedIOException naming the directory when it cannot be written
     */
    public Path store(EngineCacheKey key, byte[] plan) {
        requireNonNull(plan, "plan is null");
        Path target = entry(key);
        try {
            Files.createDirectories(dir);
            writeAtomically(description(key), key.describe().getBytes(StandardCharsets.UTF_8));
            writeAtomically(target, EngineEnvelope.wrap(plan));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write engine cache entry in " + dir, e);
        }
    }

    /** Deletes the entry of {@code key} if present. Never throws. */
    public void invalidate(EngineCacheKey key) {
        try {
            Files.deleteIfExists(entry(key));
            Files.deleteIfExists(description(key));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete engine cache entry {0}: {1}", entry(key), e.toString());
        }
    }

    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(dir, target.getFileName().toString() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
