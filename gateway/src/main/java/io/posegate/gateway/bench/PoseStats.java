package io.posegate.gateway.bench;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What one bench WebSocket client saw: pose frames received, their age on arrival (capture to receive,
 * same machine clock) and, when detailed, the per-stage milliseconds each frame reports. Thread-safe.
 */
final class PoseStats {
    private final boolean detailed;
    private final LatencyStats ages = new LatencyStats();
    private final double[] stageSums = new double[4];
    private long frames;

    /** @param detailed parse whole frames for the stage times (costly); otherwise only the capture time */
    PoseStats(boolean detailed) {
        this.detailed = detailed;
    }

    /**
     * Handles one text message from {@code /ws}. The bench client runs in the gateway's process, so it reads
     * only the fields it needs (capture time, stage times) by position instead of parsing the whole frame:
     * its CPU would otherwise count against the gateway in the CPU table. A frame it cannot read that way is
     * parsed in full.
     */
    void onText(String text) {
        if (!text.contains("\"type\":\"poses\"")) {
            return;
        }
        long now = System.currentTimeMillis();
        long capture = FrameFields.captureMillis(text);
        if (capture == Long.MIN_VALUE) {
            JsonObject m = new JsonObject(text);
            JsonObject l = m.getJsonObject("latencyMs");
            record(now - Instant.parse(m.getString("ts")).toEpochMilli(), l.getDouble("decode"), l.getDouble("preprocess"),
                    l.getDouble("infer"), l.getDouble("group"));
        } else if (detailed) {
            record(now - capture, FrameFields.number(text, "\"decode\":"), FrameFields.number(text, "\"preprocess\":"),
                    FrameFields.number(text, "\"infer\":"), FrameFields.number(text, "\"group\":"));
        } else {
            record(now - capture, 0, 0, 0, 0);
        }
    }

    private synchronized void record(long age, double decode, double pre, double infer, double group) {
        frames++;
        ages.add(Math.max(0, age));
        stageSums[0] += decode;
        stageSums[1] += pre;
        stageSums[2] += infer;
        stageSums[3] += group;
    }

    synchronized void reset() {
        frames = 0;
        ages.clear();
        java.util.Arrays.fill(stageSums, 0);
    }

    synchronized long frames() {
        return frames;
    }

    synchronized double agePercentile(double p) {
        return ages.percentile(p);
    }

    /** Mean milliseconds per frame of decode, pre-process, inference and grouping+tracking. */
    synchronized double[] stageMeans() {
        double[] m = new double[4];
        for (int i = 0; i < 4; i++) {
            m[i] = frames == 0 ? Double.NaN : stageSums[i] / frames;
        }
        return m;
    }

    /** Adds this client's ages into {@code into}. */
    synchronized void addAgesTo(LatencyStats into) {
        ages.copyInto(into);
    }
}
