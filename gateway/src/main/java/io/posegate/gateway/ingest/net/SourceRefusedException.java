package io.posegate.gateway.ingest.net;

import java.io.IOException;

/**
 * A source that policy refuses (an API source whose host now resolves to an internal address). Final:
 * the supervisor marks the stream failed instead of reconnecting. The message is safe to show.
 */
public final class SourceRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public SourceRefusedException(String message) {
        super(message);
    }
}
