package io.posegate.gateway.bench;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * What one healthy fan-out client received while the window was open: the {@code seq} of each pose
 * frame and when it arrived. Frames are read as bytes, never decoded to a String or parsed: the
 * {@code seq} is found in the frame's head, and a frame's capture time ({@code ts}) is parsed once for
 * all clients into the shared {@code captures} map, so a thousand clients fit on one small machine.
 * Thread-safe.
 */
final class FanoutWindow {
    private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TS = "\"ts\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int HEAD = 256;
    private final Map<Long, Long> captures;
    private long[] seqs = new long[512];
    private long[] arrivals = new long[512];
    private int count;
    private volatile boolean open;

    /** @param captures capture time (epoch ms) per {@code seq}, shared by all clients */
    FanoutWindow(Map<Long, Long> captures) {
        this.captures = captures;
    }

    synchronized void open() {
        count = 0;
        open = true;
    }

    /** Handles one frame's payload (a whole pose message: the gateway never fragments them). */
    void onFrame(Buffer payload) {
        if (!open) {
            return;
        }
        long now = System.currentTimeMillis();
        int s = find(payload, SEQ, 0);
        if (s < 0) {
            return; // hello, state or error messages carry no seq
        }
        long seq = 0;
        int i = s + SEQ.length;
        for (byte b; i < payload.length() && (b = payload.getByte(i)) >= '0' && b <= '9'; i++) {
            seq = seq * 10 + (b - '0');
        }
        int from = i;
        captures.computeIfAbsent(seq, k -> captureMillis(payload, from));
        record(seq, now);
    }

    private static long captureMillis(Buffer payload, int from) {
        int t = find(payload, TS, from);
        if (t < 0) {
            return -1;
        }
        int start = t + TS.length;
        int end = start;
        while (end < payload.length() && payload.getByte(end) != '"') {
            end++;
        }
        return Instant.parse(payload.getString(start, end, "US-ASCII")).toEpochMilli();
    }

    private static int find(Buffer b, byte[] needle, int from) {
        int limit = Math.min(b.length(), HEAD) - needle.length;
        outer:
        for (int i = from; i <= limit; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (b.getByte(i + k) != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private synchronized void record(long seq, long arrival) {
        if (count == seqs.length) {
            seqs = Arrays.copyOf(seqs, count * 2);
            arrivals = Arrays.copyOf(arrivals, count * 2);
        }
        seqs[count] = seq;
        arrivals[count++] = arrival;
    }

    /** Frames received with {@code from <= seq <= to}; their ages (arrival minus capture) are added to {@code into}. */
    synchronized int count(long from, long to, LatencyStats into) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            Long capture = captures.get(seqs[i]);
            if (seqs[i] >= from && seqs[i] <= to && capture != null && capture >= 0) {
                n++;
                into.add(Math.max(0, arrivals[i] - capture));
            }
        }
        return n;
    }
}
