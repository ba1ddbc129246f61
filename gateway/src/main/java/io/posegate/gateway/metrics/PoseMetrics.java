package io.posegate.gateway.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.posegate.gateway.pipeline.PoseFrame;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * The process-wide Prometheus registry behind {@code /metrics}: JVM metrics, Vert.x's own metrics (when the
 * Vertx instance came from {@link #newVertx()}), per-stage latency histograms fed by {@link #recordFrame},
 * and the gateway's gauges ({@link GatewayMeters}). Thread-safe; created on first use.
 */
public final class PoseMetrics {
    private static final class Holder {
        static final PrometheusMeterRegistry REGISTRY = create();
        static final StageTimers STAGES = new StageTimers(REGISTRY);
    }

    private PoseMetrics() {
    }

    /** The registry every PoseGate meter lives in. */
    public static PrometheusMeterRegistry registry() {
        return Holder.REGISTRY;
    }

    /** Per-stream, per-stage latency histograms. */
    public static StageTimers stages() {
        return Holder.STAGES;
    }

    /**
     * A Vertx whose HTTP server, event bus and pools report into {@link #registry()}
     * ({@code vertx_http_server_*}, {@code vertx_eventbus_*}, ...).
     */
    public static Vertx newVertx() {
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true);
        return Vertx.builder().with(new VertxOptions().setMetricsOptions(metrics))
                .withMetrics(new MicrometerMetricsFactory(registry())).build();
    }

    /**
     * Records one published frame's per-stage latencies. Cheap and non-blocking: called on the inference
     * worker for every frame, from the gateway's publisher.
     */
    public static void recordFrame(PoseFrame frame) {
        Holder.STAGES.record(frame);
    }

    private static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(r);
        new JvmMemoryMetrics().bindTo(r);
        new JvmGcMetrics().bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        new ProcessorMetrics().bindTo(r);
        new UptimeMetrics().bindTo(r);
        return r;
    }
}
