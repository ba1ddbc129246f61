package io.posegate.gateway.ingest;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.net.SourceRefusedException;
import io.posegate.gateway.security.Redaction;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wraps a file or network source that came from the API so that its failures say one thing,
 * {@link #UNAVAILABLE}, whatever happened (connection refused, 404, invalid data, no such file): the
 * API and {@code /ws} must not work as a port scanner or a file-existence oracle. The real reason goes
 * to the local log, redacted. A {@link SourceRefusedException} passes through unchanged (its message is
 * already generic, and it stops retries).
 */
public final class OpaqueErrorSource implements FrameSource {
    /** The only failure text API sources show. */
    public static final String UNAVAILABLE = "source unavailable (the gateway log has the details)";
    private static final Logger LOG = Logger.getLogger(OpaqueErrorSource.class.getName());

    private final FrameSource inner;

    public OpaqueErrorSource(FrameSource inner) {
        this.inner = requireNonNull(inner, "inner is null");
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void open() throws IOException {
        try {
            inner.open();
        } catch (IOException | RuntimeException e) {
            throw opaque(e);
        }
    }

    @Override
    public boolean read(VideoFrame into) throws IOException {
        try {
            return inner.read(into);
        } catch (IOException | RuntimeException e) {
            throw opaque(e);
        }
    }

    private IOException opaque(Exception e) {
        if (e instanceof SourceRefusedException refused) {
            return refused;
        }
        LOG.log(Level.WARNING, "API source {0} failed: {1}", new Object[] {
                Redaction.text(inner.describe()), Redaction.text(String.valueOf(e.getMessage()))});
        return new IOException(UNAVAILABLE);
    }

    @Override
    public long corruptFrames() {
        return inner.corruptFrames();
    }

    @Override
    public void close() {
        inner.close();
    }
}
