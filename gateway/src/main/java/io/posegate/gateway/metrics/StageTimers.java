package io.posegate.gateway.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.posegate.gateway.pipeline.Latency;
import io.posegate.gateway.pipeline.PoseFrame;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Latency histograms {@code posegate_frame_stage_seconds{stream,stage}} with fixed buckets from 1 ms to
 * 2 s, one per stage of the wire format's {@code latencyMs}: decode, preprocess, infer, group, total.
 * A stream's histograms exist from {@link #open} to {@link #forget}; a frame of a stream that is not open
 * (one still in flight when its stream was removed) is not recorded, so a removed stream leaves no series
 * behind. Thread-safe; {@link #record} allocates nothing.
 */
public final class StageTimers {
    /** Stage names, in the order of {@link Latency}'s components. */
    public static final String[] STAGES = {"decode", "preprocess", "infer", "group", "total"};
    private static final Duration[] BUCKETS = {ms(1), ms(2), ms(5), ms(10), ms(20), ms(35), ms(50), ms(75), ms(100),
        ms(150), ms(250), ms(500), ms(1000), ms(2000)};

    private final MeterRegistry registry;
    private final Map<String, Timer[]> byStream = new ConcurrentHashMap<>();

    public StageTimers(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    public void record(PoseFrame frame) {
        Latency l = frame.latency();
        if (l == null) {
            return;
        }
        Timer[] t = byStream.get(frame.stream());
        if (t == null) {
            return;
        }
        record(t[0], l.decode());
        record(t[1], l.preprocess());
        record(t[2], l.infer());
        record(t[3], l.group());
        record(t[4], l.total());
    }

    /** Registers a stream's histograms (the stream was added); does nothing when they exist. */
    public void open(String stream) {
        byStream.computeIfAbsent(requireNonNull(stream, "stream is null"), this::create);
    }

    /** Removes a stream's histograms (the stream was deleted). */
    public void forget(String stream) {
        Timer[] t = byStream.remove(stream);
        if (t != null) {
            for (Timer timer : t) {
                registry.remove(timer);
            }
        }
    }

    private Timer[] create(String stream) {
        Timer[] t = new Timer[STAGES.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Timer.builder("posegate.frame.stage").description("Per-stage wall time of processed frames")
                    .tags("stream", stream, "stage", STAGES[i]).serviceLevelObjectives(BUCKETS).register(registry);
        }
        return t;
    }

    private static void record(Timer t, double millis) {
        if (millis >= 0 && Double.isFinite(millis)) {
            t.record(Math.round(millis * 1e6), TimeUnit.NANOSECONDS);
        }
    }

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }
}
