package io.posegate.gateway.pipeline;

/**
 * A swap asked for with {@link Gateway#swapBackendUnlessBusy} while another swap was running or waiting to run: nothing
 * was tried. The message names the swap in progress; the caller may ask again once it has finished ({@code lastSwap}
 * in {@code GET /api/backends} shows it). A user-facing conflict (HTTP 409), not a failure of the backend.
 */
public final class SwapInProgressException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SwapInProgressException(String asked, SwapRecord running) {
        super("swap to '" + asked + "' not started: " + (running != null && running.inProgress()
                ? "the swap from '" + running.from() + "' to '" + running.to() + "' (started " + running.at() + ") is in progress"
                : "another backend swap, or a config change that may swap, is in progress")
                + "; ask again once it has finished (GET /api/backends shows lastSwap)");
    }
}
