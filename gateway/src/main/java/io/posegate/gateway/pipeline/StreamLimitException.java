package io.posegate.gateway.pipeline;

/** A new stream was refused because {@code inference.maxStreams} streams exist already (HTTP 409). */
public final class StreamLimitException extends IllegalStateException {
    public StreamLimitException(String message) {
        super(message);
    }
}
