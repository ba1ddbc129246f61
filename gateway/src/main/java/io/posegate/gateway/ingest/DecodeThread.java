package io.posegate.gateway.ingest;

import java.time.Duration;

/**
 * A stream's decode thread ({@code posegate-source-<id>}, daemon): started at most once, interrupted to
 * stop, and joinable with a bound. Safe from any thread.
 */
final class DecodeThread {
    private final String name;
    private final Runnable body;
    private Thread thread;

    DecodeThread(String name, Runnable body) {
        this.name = name;
        this.body = body;
    }

    /** Starts the thread unless it was started before. */
    synchronized void start() {
        if (thread == null) {
            thread = new Thread(body, name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Interrupts the thread if it was started. */
    void interrupt() {
        Thread t = started();
        if (t != null) {
            t.interrupt();
        }
    }

    /** Waits up to {@code timeout} for the thread to exit; true if it did (or never started). */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        Thread t = started();
        if (t != null) {
            t.join(Math.max(1, timeout.toMillis()));
            return !t.isAlive();
        }
        return true;
    }

    private synchronized Thread started() {
        return thread;
    }
}
