package io.posegate.gateway.backend;

/**
 * The run permits of one {@link ModelRuntime}: at most {@code concurrency} runs in flight, none once retired,
 * and the moment its session may close (retired and drained, said once). Thread-safe; only {@link #take}
 * waits, and only while every permit is in use and the runtime is not retired.
 */
final class RunPermits {
    private final int concurrency;
    private final Object lock = new Object();
    private int inFlight;
    private int peakInFlight;
    private boolean retired;
    private boolean sessionClosed;

    RunPermits(int concurrency) {
        this.concurrency = concurrency;
    }

    /** Takes a permit, waiting while all are in use; false (and no permit) once retired. */
    boolean take() throws InterruptedException {
        synchronized (lock) {
            while (!retired && inFlight >= concurrency) {
                lock.wait();
            }
            if (retired) {
                return false;
            }
            inFlight++;
            peakInFlight = Math.max(peakInFlight, inFlight);
            return true;
        }
    }

    /** Gives a permit back; true if the caller must now close the session (retired, and this was the last run). */
    boolean release() {
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
            return closeIfDrained();
        }
    }

    /** Grants no permit from now on and wakes the waiters; true if the caller must now close the session (no run in flight). */
    boolean retire() {
        synchronized (lock) {
            retired = true;
            lock.notifyAll();
            return closeIfDrained();
        }
    }

    private boolean closeIfDrained() {
        boolean closeNow = retired && inFlight == 0 && !sessionClosed;
        sessionClosed |= closeNow;
        return closeNow;
    }

    int peakInFlight() {
        synchronized (lock) {
            return peakInFlight;
        }
    }

    boolean retired() {
        synchronized (lock) {
            return retired;
        }
    }

    boolean sessionClosed() {
        synchronized (lock) {
            return sessionClosed;
        }
    }
}
