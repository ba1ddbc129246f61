package io.posegate.backend.tensorrt.internal;

import org.bytedeco.tensorrt.nvinfer.ILogger;

/**
 * Routes TensorRT's log to the JDK logger. TensorRT calls it from its own threads; it keeps no state.
 * One instance lives as long as the runtime (TensorRT keeps the pointer).
 */
final class TrtLogger extends ILogger {
    private static final System.Logger LOG = System.getLogger("io.posegate.backend.tensorrt.TensorRT");

    @Override
    public void log(Severity severity, String msg) {
        LOG.log(level(severity.value), msg);
    }

    private static System.Logger.Level level(int severity) {
        return switch (severity) {
            case 0, 1 -> System.Logger.Level.ERROR;
            case 2 -> System.Logger.Level.WARNING;
            case 3 -> System.Logger.Level.INFO;
            default -> System.Logger.Level.DEBUG;
        };
    }
}
