package io.posegate.gateway.pipeline;

import java.time.Instant;

/**
 * The outcome of a backend swap, shown in {@code /api/backends}.
 *
 * @param error null when the swap succeeded; else why, and the old backend kept running
 */
public record SwapRecord(String from, String to, Instant at, long millis, String error, boolean inProgress) {
}
