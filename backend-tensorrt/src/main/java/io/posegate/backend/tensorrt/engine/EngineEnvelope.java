package io.posegate.backend.tensorrt.engine;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The on-disk form of a cached engine: a magic, the payload length and its SHA-256, then the serialised
 * engine. A truncated or altered file is detected before TensorRT ever sees it. Stateless.
 */
public final class EngineEnvelope {
    private static final byte[] MAGIC = "PGTRTENG".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;
    static final int HEADER_BYTES = MAGIC.length + Long.BYTES + DIGEST_BYTES;

    private EngineEnvelope() {
    }

    /** Wraps a serialised engine. */
    public static byte[] wrap(byte[] plan) {
        requireNonNull(plan, "plan is null");
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + plan.length).order(ByteOrder.BIG_ENDIAN);
        b.put(MAGIC).putLong(plan.length).put(Sha256.newDigest().digest(plan)).put(plan);
        return b.array();
    }

    /**
     * Returns the serialised engine inside {@code file}.
     *
     * @throws CorruptEntryException saying what is wrong (magic, length, checksum)
     */
    public static byte[] unwrap(byte[] file) {
        requireNonNull(file, "file is null");
        if (file.length < HEADER_BYTES) {
            throw new CorruptEntryException("file is " + file.length + " bytes, shorter than the " + HEADER_BYTES + "-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new CorruptEntryException("bad magic (not a PoseGate engine cache file)");
        }
        long length = b.getLong();
        if (length != file.length - HEADER_BYTES) {
            throw new CorruptEntryException("header says " + length + " payload bytes, file holds " + (file.length - HEADER_BYTES));
        }
        byte[] digest = new byte[DIGEST_BYTES];
        b.get(digest);
        byte[] plan = Arrays.copyOfRange(file, HEADER_BYTES, file.length);
        if (!MessageDigest.isEqual(digest, Sha256.newDigest().digest(plan))) {
            throw new CorruptEntryException("payload checksum mismatch");
        }
        return plan;
    }

    /** A cache file that cannot be used; the cache deletes it and the engine is rebuilt. */
    public static final class CorruptEntryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CorruptEntryException(String message) {
            super(message);
        }
    }
}
