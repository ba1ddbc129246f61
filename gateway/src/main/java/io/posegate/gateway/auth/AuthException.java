package io.posegate.gateway.auth;

/** A refused request: {@code status} 401 (no or bad token), 403 (role too weak) or 429 (too many failures). */
public final class AuthException extends RuntimeException {
    private final int status;

    public AuthException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
