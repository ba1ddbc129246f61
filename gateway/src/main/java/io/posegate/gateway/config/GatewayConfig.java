package io.posegate.gateway.config;

import io.posegate.gateway.ingest.PictureLimit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole gateway configuration as one typed, validated value. Built only by {@link GatewayConfigs}
 * from the YAML file, environment variables and command-line flags (later ones win).
 *
 * @param model          descriptor name (in {@code modelsDir}) or path
 * @param modelFile      overrides the model file named in the descriptor, or null
 * @param backend        {@code auto} or a backend name
 * @param backendOptions per backend name, its options as strings
 * @param workers        cap on the inference worker threads shared by all streams; 0 (the default) follows the
 *                       backends: one per concurrent run they allow, plus one so stages overlap
 * @param mediaDir       the only folder {@code file:} sources from the API may read
 * @param bounds         the inference loop's limits and liveness bounds ({@code inference:} section)
 * @param sources        rules for sources: what the API's may reach, how large a picture any may decode
 *                       ({@code sources:} in the YAML)
 * @param fleet          the fleet agent's settings ({@link FleetConfig#OFF} unless configured)
 * @param security       tokens, cross-site checks, connection bounds, TLS
 */
public record GatewayConfig(Http http, String model, Path modelFile, Path modelsDir, String backend,
                            Map<String, Map<String, String>> backendOptions, int workers, Tracking tracking,
                            Path mediaDir, List<StreamConfig> streams, Bounds bounds, SourceRules sources,
                            FleetConfig fleet, SecurityConfig security) {
    public GatewayConfig {
        backendOptions = Map.copyOf(backendOptions);
        streams = List.copyOf(streams);
    }

    /** HTTP server settings; binds 127.0.0.1 unless configured otherwise. */
    public record Http(String host, int port, int wsQueue) {
    }

    /**
     * Limits of the inference loop (keys under {@code inference:}).
     *
     * @param maxStreams   {@code inference.maxStreams}: most streams at once, from the file and the API together
     * @param runTimeout   {@code inference.runTimeoutMs}: one inference run longer than this is given up by the
     *                     watchdog, which poisons and reopens the session
     * @param stallTimeout {@code inference.stallTimeoutMs}: {@code /ready} fails once a stream's frames have
     *                     waited this long with none processed
     * @param batch        {@code inference.batch}: cross-stream batching
     */
    public record Bounds(int maxStreams, java.time.Duration runTimeout, java.time.Duration stallTimeout, Batch batch) {
        public static final int DEFAULT_MAX_STREAMS = 64;

        public Bounds {
            batch = batch == null ? Batch.OFF : batch;
        }

        /** Bounds without batching. */
        public Bounds(int maxStreams, java.time.Duration runTimeout, java.time.Duration stallTimeout) {
            this(maxStreams, runTimeout, stallTimeout, Batch.OFF);
        }

        public static Bounds defaults() {
            return new Bounds(DEFAULT_MAX_STREAMS, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10));
        }
    }

    /**
     * Cross-stream batching (keys under {@code inference.batch:}): frames of several streams that run the same
     * model on the same backend go through the network as one batch, when the model has a dynamic batch
     * dimension (see the descriptor's {@code batch:}).
     *
     * @param maxSize {@code inference.batch.maxSize}: the most frames in one run; 1 (the default) turns batching off
     * @param maxWait {@code inference.batch.maxWaitMs}: how long a worker holding fewer than {@code maxSize} ready
     *                frames waits for other streams' frames before running what it has (default 5 ms)
     */
    public record Batch(int maxSize, java.time.Duration maxWait) {
        public static final Batch OFF = new Batch(1, java.time.Duration.ofMillis(5));
    }

    /**
     * Rules for sources (keys under {@code sources:}).
     *
     * @param allow    {@code sources.allow}: internal addresses that network sources from the API may reach anyway:
     *                 CIDR ranges ({@code 192.168.1.0/24}), single addresses or host names ({@code camera.lan})
     * @param pictures {@code sources.maxPictureSide}, {@code sources.maxPicturePixels}: the largest picture an
     *                 {@code images:} file or a {@code pipe:} MJPEG frame may declare, from the file or the API
     *                 (default {@link PictureLimit#DEFAULT})
     * @param webcamOrphan {@code sources.webcamOrphanMs}: how long a webcam stream added through the API
     *                 ({@code PUT /api/streams/{id}}, as the dashboard's webcam mode does) may go with no browser
     *                 feeding it before it is removed; zero: never removed
     */
    public record SourceRules(List<String> allow, PictureLimit pictures, java.time.Duration webcamOrphan) {
        /** {@code sources.webcamOrphanMs}'s default: a minute. */
        public static final java.time.Duration DEFAULT_WEBCAM_ORPHAN = java.time.Duration.ofSeconds(60);

        public SourceRules {
            allow = List.copyOf(allow);
            java.util.Objects.requireNonNull(pictures, "pictures is null");
            java.util.Objects.requireNonNull(webcamOrphan, "webcamOrphan is null");
        }

        /** Rules with the default {@link #DEFAULT_WEBCAM_ORPHAN}. */
        public SourceRules(List<String> allow, PictureLimit pictures) {
            this(allow, pictures, DEFAULT_WEBCAM_ORPHAN);
        }
    }

    /**
     * Tracking and smoothing, applied per stream.
     *
     * @param oksThreshold   lowest matching similarity (OKS on the predicted pose and box IoU) to continue a track
     * @param maxAge         frames a lost track is kept
     * @param maxLostSeconds seconds a lost track is kept (retired when either limit passes)
     * @param appearance     whether people's limb colours (sampled from the model's input picture) weigh in matching
     */
    public record Tracking(boolean enabled, float oksThreshold, int maxAge, boolean smoothing, double maxLostSeconds,
                           boolean appearance) {
        public Tracking(boolean enabled, float oksThreshold, int maxAge, boolean smoothing) {
            this(enabled, oksThreshold, maxAge, smoothing, 4.0);
        }

        public Tracking(boolean enabled, float oksThreshold, int maxAge, boolean smoothing, double maxLostSeconds) {
            this(enabled, oksThreshold, maxAge, smoothing, maxLostSeconds, true);
        }
    }

    /**
     * One stream.
     *
     * @param backend   per-stream backend override, or null to use the gateway's
     * @param model     per-stream model (descriptor name or path), or null for the gateway's {@code model}
     * @param modelFile per-stream model file override, or null (the descriptor's file; with no own
     *                  {@code model}, the gateway's {@code modelFile})
     */
    public record StreamConfig(String id, String source, double maxFps, int width, int height, String backend,
                               Map<String, String> options, String model, Path modelFile) {
        public StreamConfig {
            options = Map.copyOf(options);
        }

        /** A stream on the gateway's model. */
        public StreamConfig(String id, String source, double maxFps, int width, int height, String backend,
                            Map<String, String> options) {
            this(id, source, maxFps, width, height, backend, options, null, null);
        }

        /** True when the stream names a model or model file of its own. */
        public boolean ownModel() {
            return model != null || modelFile != null;
        }
    }
}
