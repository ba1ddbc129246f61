package io.posegate.gateway.ingest;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.feeds.WebcamHub;

/**
 * What source creators may need from the gateway being built. Immutable.
 *
 * @param policy  media directory, network rules and timeout, webcam limits
 * @param webcams where {@code webcam:NAME} streams take their frames; the WebSocket handler feeds it
 */
public record SourceContext(IngestPolicy policy, WebcamHub webcams) {
    public SourceContext {
        requireNonNull(policy, "policy is null");
        requireNonNull(webcams, "webcams is null");
    }
}
