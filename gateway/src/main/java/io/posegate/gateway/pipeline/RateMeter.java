package io.posegate.gateway.pipeline;

/** Events per second over a sliding window of the last few seconds. Thread-safe. */
final class RateMeter {
    private static final int SLOTS = 5;
    private final long[] counts = new long[SLOTS];
    private final long[] seconds = new long[SLOTS];

    synchronized void tick() {
        long now = System.currentTimeMillis() / 1000;
        int i = (int) (now % SLOTS);
        if (seconds[i] != now) {
            seconds[i] = now;
            counts[i] = 0;
        }
        counts[i]++;
    }

    /** Average rate over the last complete seconds of the window. */
    synchronized double rate() {
        long now = System.currentTimeMillis() / 1000;
        long sum = 0;
        int n = 0;
        for (int back = 1; back < SLOTS; back++) {
            long s = now - back;
            int i = (int) (s % SLOTS);
            n++;
            if (seconds[i] == s) {
                sum += counts[i];
            }
        }
        return (double) sum / n;
    }
}
