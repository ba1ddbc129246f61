package io.posegate.spi;

/**
 * Why a backend operation failed. Every {@link BackendException} carries exactly one code, so callers
 * can decide what to do (mark a stream failed, keep the old backend during a swap, retry) without
 * parsing messages.
 */
public enum ErrorCode {
    /** The native runtime, a library or a symbol it needs is missing. The message names what. */
    RUNTIME_UNAVAILABLE,
    /** The requested device (GPU, MYRIAD, ...) does not exist or cannot be opened. */
    DEVICE_UNAVAILABLE,
    /** A model file does not exist or cannot be read. */
    MODEL_NOT_FOUND,
    /** A model file exists but the runtime cannot parse or compile it. */
    MODEL_INVALID,
    /** The model's inputs or outputs do not match what the caller declared (names, ranks, shapes, types). */
    MODEL_MISMATCH,
    /** The provider does not accept this model format. */
    UNSUPPORTED_FORMAT,
    /** An option is unknown or has a bad value. */
    INVALID_OPTION,
    /** The input tensor given to {@link BackendSession#run} does not fit the session. */
    INVALID_INPUT,
    /** The runtime failed while running a frame. The session may be used again. */
    INFERENCE_FAILED,
    /** The session or result was already closed. */
    CLOSED,
    /** An unexpected internal error; a bug in the backend. */
    INTERNAL
}
