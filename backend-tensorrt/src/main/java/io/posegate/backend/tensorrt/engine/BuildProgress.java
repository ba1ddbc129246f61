package io.posegate.backend.tensorrt.engine;

/**
 * Receives the progress of an engine build, which can take minutes on a Jetson Nano. The backend reports
 * its phases (parse ONNX, build engine, write cache) for every TensorRT version; TensorRT's own
 * {@code IProgressMonitor} cannot be used: in the bytedeco presets up to tensorrt 10.15-1.5.13 it is not a
 * virtual (Java-implementable) class, and TensorRT 8.0 has none. TensorRT's log lines go to the JDK logger.
 *
 * <p><b>Threading.</b> Called from the thread running the build; implementations must be thread-safe and quick, and must not throw.
 */
public interface BuildProgress {
    /** A phase starts; {@code steps} is its number of steps, or 0 if unknown. {@code parent} may be null. */
    void phaseStarted(String phase, String parent, int steps);

    /** Step {@code step} of {@code phase} was reached. */
    void stepReached(String phase, int step);

    /** A phase ended. */
    void phaseFinished(String phase);

    /** Ignores everything. */
    static BuildProgress none() {
        return new BuildProgress() {
            @Override
            public void phaseStarted(String phase, String parent, int steps) {
            }

            @Override
            public void stepReached(String phase, int step) {
            }

            @Override
            public void phaseFinished(String phase) {
            }
        };
    }
}
