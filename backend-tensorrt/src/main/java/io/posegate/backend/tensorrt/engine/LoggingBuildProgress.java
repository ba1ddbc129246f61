package io.posegate.backend.tensorrt.engine;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs build progress with {@link System.Logger}: each phase's start and end with its duration, and steps
 * of top-level phases. Thread-safe.
 */
public final class LoggingBuildProgress implements BuildProgress {
    private final System.Logger log;
    private final String model;
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, Integer> steps = new ConcurrentHashMap<>();

    public LoggingBuildProgress(String model) {
        this(System.getLogger(LoggingBuildProgress.class.getName()), model);
    }

    LoggingBuildProgress(System.Logger log, String model) {
        this.log = requireNonNull(log, "log is null");
        this.model = requireNonNull(model, "model is null");
    }

    @Override
    public void phaseStarted(String phase, String parent, int stepCount) {
        started.put(phase, System.nanoTime());
        steps.put(phase, stepCount);
        log.log(System.Logger.Level.INFO, "TensorRT build of {0}: {1}{2} started{3}", model,
                parent == null ? "" : parent + " / ", phase, stepCount > 0 ? " (" + stepCount + " steps)" : "");
    }

    @Override
    public void stepReached(String phase, int step) {
        int total = steps.getOrDefault(phase, 0);
        log.log(System.Logger.Level.DEBUG, "TensorRT build of {0}: {1} step {2}{3}", model, phase, step + 1,
                total > 0 ? "/" + total : "");
    }

    @Override
    public void phaseFinished(String phase) {
        Long t0 = started.remove(phase);
        steps.remove(phase);
        long ms = t0 == null ? -1 : (System.nanoTime() - t0) / 1_000_000;
        log.log(System.Logger.Level.INFO, "TensorRT build of {0}: {1} finished in {2} ms", model, phase, ms);
    }
}
