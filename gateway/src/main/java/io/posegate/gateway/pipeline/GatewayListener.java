package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;

/**
 * Hears what changes in a {@link Gateway} as it happens: streams added and removed, runtimes of the
 * gateway's model opened, backends that failed to open, swaps finished. Subscribe with
 * {@link Gateway#listen}; the current state is replayed first, so nothing is missed or heard twice.
 *
 * <p>Threading: called on the thread making the change while it holds the gateway's lock, one event at a
 * time. Implementations must be quick, must not block, and must not call the gateway's changing methods.
 * An exception thrown here is logged and does not undo or stop the change.
 */
public interface GatewayListener {
    /** A stream was added, or replaced by one with the same id. */
    default void streamAdded(String id) {
    }

    /** A stream was removed. */
    default void streamRemoved(String id) {
    }

    /** A runtime of the gateway's model was opened (first use, a swap, a reopen) for the requested {@code backend}. */
    default void runtimeOpened(String backend, ModelRuntime runtime) {
    }

    /** The requested {@code backend} failed to open the gateway's model, or to reopen it after a poisoned run. */
    default void openFailed(String backend, String error) {
    }

    /** A backend swap finished, succeeded or failed ({@link SwapRecord#error()}). */
    default void swapFinished(SwapRecord swap) {
    }
}
