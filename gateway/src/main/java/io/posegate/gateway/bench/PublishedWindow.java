package io.posegate.gateway.bench;

import java.util.concurrent.atomic.AtomicLong;

/** The {@code seq} range, count and size of the frames the gateway published while the window was open. */
final class PublishedWindow {
    private static final String SEQ = "\"seq\":";
    private volatile boolean open;
    private final AtomicLong first = new AtomicLong(-1);
    private final AtomicLong last = new AtomicLong(-1);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    void open() {
        open = true;
    }

    void close() {
        open = false;
    }

    void on(String text) {
        int s = text.indexOf(SEQ);
        if (!open || s < 0) {
            return;
        }
        int e = s + SEQ.length();
        while (e < text.length() && Character.isDigit(text.charAt(e))) {
            e++;
        }
        long seq = Long.parseLong(text.substring(s + SEQ.length(), e));
        first.compareAndSet(-1, seq);
        last.set(seq);
        count.incrementAndGet();
        bytes.addAndGet(text.length());
    }

    long first() {
        return first.get();
    }

    long last() {
        return last.get();
    }

    long count() {
        return count.get();
    }

    double meanBytes() {
        return count.get() == 0 ? 0 : bytes.get() / (double) count.get();
    }
}
