package io.posegate.gateway.config;

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
 * @param workers        inference worker threads shared by all streams
 * @param mediaDir       the only folder {@code file:} sources from the API may read
 * @param security       tokens, cross-site checks, connection bounds, TLS
 */
public record GatewayConfig(Http http, String model, Path modelFile, Path modelsDir, String backend,
                            Map<String, Map<String, String>> backendOptions, int workers, Tracking tracking,
                            Path mediaDir, List<StreamConfig> streams, SecurityConfig security) {
    public GatewayConfig {
        backendOptions = Map.copyOf(backendOptions);
        streams = List.copyOf(streams);
    }

    /** HTTP server settings; binds 127.0.0.1 unless configured otherwise. */
    public record Http(String host, int port, int wsQueue) {
    }

    /** Tracking and smoothing, applied per stream. */
    public record Tracking(boolean enabled, float oksThreshold, int maxAge, boolean smoothing) {
    }

    /**
     * One stream.
     *
     * @param backend per-stream backend override, or null to use the gateway's
     */
    public record StreamConfig(String id, String source, double maxFps, int width, int height, String backend,
                               Map<String, String> options) {
        public StreamConfig {
            options = Map.copyOf(options);
        }
    }
}
