package io.posegate.backend.tensorrt.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineCacheTest {
    @TempDir
    Path dir;

    private static final EngineCacheKey KEY = new EngineCacheKey("ab".repeat(32), "10.15.1", "NVIDIA RTX A2000", "8.6",
            Precision.FP16, new long[] {1, 3, 368, 656});

    private static byte[] plan(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private List<String> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void storeThenLoadRoundTripsWithTheDocumentedLayout() throws IOException {
        Path cacheDir = dir.resolve("nested/cache");
        EngineCache cache = new EngineCache(cacheDir);
        Path stored = cache.store(KEY, plan(10_000));
        assertEquals(cacheDir.resolve(KEY.id() + ".engine").toAbsolutePath(), stored);
        assertEquals(List.of(KEY.id() + ".engine", KEY.id() + ".key"), files(cacheDir), "no temporary file may remain");
        assertEquals(KEY.describe(), Files.readString(cacheDir.resolve(KEY.id() + ".key"), StandardCharsets.UTF_8));
        assertArrayEquals(plan(10_000), cache.load(KEY).orElseThrow());
    }

    @Test
    void missingEntryIsEmpty() {
        assertTrue(new EngineCache(dir).load(KEY).isEmpty());
    }

    @Test
    void storeReplacesAnExistingEntry() throws IOException {
        EngineCache cache = new EngineCache(dir);
        cache.store(KEY, plan(100));
        cache.store(KEY, plan(50));
        assertArrayEquals(plan(50), cache.load(KEY).orElseThrow());
        assertEquals(2, files(dir).size());
    }

    @Test
    void truncatedEntryIsDeletedAndReportedAbsent() throws IOException {
        EngineCache cache = new EngineCache(dir);
        Path file = cache.store(KEY, plan(1000));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
        assertTrue(cache.load(KEY).isEmpty());
        assertFalse(Files.exists(file), "corrupt entry must be deleted so that it is rebuilt");
    }

    @Test
    void flippedPayloadByteFailsTheChecksum() throws IOException {
        EngineCache cache = new EngineCache(dir);
        Path file = cache.store(KEY, plan(1000));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertTrue(cache.load(KEY).isEmpty());
        assertFalse(Files.exists(file));
    }

    @Test
    void foreignFileAndRawEngineAreCorrupt() throws IOException {
        EngineCache cache = new EngineCache(dir);
        Files.write(cache.entry(KEY), plan(5));
        assertTrue(cache.load(KEY).isEmpty());
        Files.write(cache.entry(KEY), plan(500));
        assertTrue(cache.load(KEY).isEmpty());
        assertFalse(Files.exists(cache.entry(KEY)));
    }

    @Test
    void envelopeNamesWhatIsWrong() {
        byte[] wrapped = EngineEnvelope.wrap(plan(64));
        byte[] badMagic = wrapped.clone();
        badMagic[0] = 'X';
        assertTrue(assertThrows(EngineEnvelope.CorruptEntryException.class, () -> EngineEnvelope.unwrap(badMagic))
                .getMessage().contains("bad magic"));
        assertTrue(assertThrows(EngineEnvelope.CorruptEntryException.class,
                () -> EngineEnvelope.unwrap(Arrays.copyOf(wrapped, wrapped.length + 1))).getMessage().contains("header says 64"));
        assertArrayEquals(plan(64), EngineEnvelope.unwrap(wrapped));
    }

    @Test
    void unwritableDirectoryFailsNamingIt() throws IOException {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        EngineCache cache = new EngineCache(notADir.resolve("cache"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> cache.store(KEY, plan(10)));
        assertTrue(e.getMessage().contains(notADir.resolve("cache").toString()), e.getMessage());
    }

    @Test
    void unreadableEntryIsAMissNotAnException() throws IOException {
        // A directory where the engine file should be: unreadable even for root, where permissions do not stop reads.
        EngineCache cache = new EngineCache(dir);
        Files.createDirectories(cache.entry(KEY));
        assertTrue(cache.load(KEY).isEmpty(), "an unreadable entry must read as absent so that the engine is rebuilt");
        // The rebuild path (invalidate, then store) replaces it with a readable entry.
        cache.invalidate(KEY);
        cache.store(KEY, plan(100));
        assertArrayEquals(plan(100), cache.load(KEY).orElseThrow());
    }

    @Test
    void unreadableEntryThatCannotBeReplacedStillLoadsAsAbsent() throws IOException {
        EngineCache cache = new EngineCache(dir);
        Files.writeString(Files.createDirectories(cache.entry(KEY)).resolve("stray"), "x");
        assertTrue(cache.load(KEY).isEmpty());
        cache.invalidate(KEY);
        assertTrue(cache.load(KEY).isEmpty(), "invalidate cannot delete a non-empty directory; load must still not throw");
        assertThrows(UncheckedIOException.class, () -> cache.store(KEY, plan(10)),
                "store reports it, and the opener degrades that to a warning");
    }

    @Test
    void invalidateRemovesBothFiles() throws IOException {
        EngineCache cache = new EngineCache(dir);
        cache.store(KEY, plan(10));
        cache.invalidate(KEY);
        assertEquals(List.of(), files(dir));
    }
}
