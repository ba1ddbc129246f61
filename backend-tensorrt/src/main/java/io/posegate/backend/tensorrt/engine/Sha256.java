package io.posegate.backend.tensorrt.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers. Stateless and thread-safe. */
public final class Sha256 {
    private Sha256() {
    }

    /** A fresh SHA-256 digest (always present in a Java 17 runtime). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JRE", e);
        }
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(requireNonNull(bytes, "bytes is null")));
    }

    /** Lower-case hex SHA-256 of a file's content, read in a stream (model files can be large). */
    public static String ofFile(Path file) throws IOException {
        requireNonNull(file, "file is null");
        MessageDigest digest = newDigest();
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                digest.update(chunk, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
