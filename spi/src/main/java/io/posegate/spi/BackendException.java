package io.posegate.spi;

import static java.util.Objects.requireNonNull;

/**
 * The single exception type of the SPI. It is unchecked so that sessions can be used from lambdas
 * and futures; every SPI method that can fail documents which {@link ErrorCode}s it uses.
 * The message is meant for a human operator and names the thing that was wrong
 * (a path, an output name, a symbol), never just "failed".
 */
public final class BackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public BackendException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public BackendException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    /** What kind of failure this is. */
    public ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return "BackendException[" + code + "]: " + getMessage();
    }
}
