package io.posegate.gateway.ingest;

import java.time.Instant;

/**
 * The state of one stream's source, as shown in {@code /api/streams} and in pose frames.
 *
 * @param phase       where the source is in its life
 * @param attempt     reconnect attempt number (0 while live)
 * @param nextRetryAt when the next reconnect happens, or null
 * @param reason      why it is reconnecting or failed, or null; secrets in it are redacted
 */
public record SourceState(Phase phase, int attempt, Instant nextRetryAt, String reason) {
    /** The reason is redacted here, once, so no consumer (API, {@code /ws}, {@code /ready}, logs) can show a secret. */
    public SourceState {
        reason = io.posegate.gateway.security.Redaction.text(reason);
    }

    public static final SourceState STARTING = new SourceState(Phase.STARTING, 0, null, null);
    public static final SourceState LIVE = new SourceState(Phase.LIVE, 0, null, null);

    public static SourceState failed(String reason) {
        return new SourceState(Phase.FAILED, 0, null, reason);
    }

    public static SourceState reconnecting(int attempt, Instant nextRetryAt, String reason) {
        return new SourceState(Phase.RECONNECTING, attempt, nextRetryAt, reason);
    }

    /** Lower-case wire name of the phase. */
    public String phaseName() {
        return phase.name().toLowerCase(java.util.Locale.ROOT);
    }

    public enum Phase { STARTING, LIVE, RECONNECTING, FAILED, ENDED, STOPPED }
}
