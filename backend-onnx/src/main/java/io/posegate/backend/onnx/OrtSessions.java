package io.posegate.backend.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * Loads ONNX Runtime and creates an {@link OrtSession} for a model file with the threads, optimisation
 * level and execution provider from {@link OnnxOptions}. Called from {@code open} only, never by the probe.
 */
final class OrtSessions {
    private static final Logger LOG = Logger.getLogger(OrtSessions.class.getName());

    /** An opened ORT session, the options it owns, and the device it runs on ({@code CPU}, {@code CUDA:0}). */
    record Opened(OrtEnvironment env, OrtSession session, OrtSession.SessionOptions options, String device) {
    }

    private OrtSessions() {
    }

    /** The shared ORT environment, loading the native runtime on first use. */
    static OrtEnvironment environment() {
        try {
            return OrtEnvironment.getEnvironment();
        } catch (RuntimeException | LinkageError e) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "ONNX Runtime native library failed to load: " + e, e);
        }
    }

    /**
     * Opens {@code file}.
     *
     * @throws BackendException MODEL_NOT_FOUND, MODEL_INVALID (with ONNX Runtime's message),
     *                          DEVICE_UNAVAILABLE, RUNTIME_UNAVAILABLE
     */
    static Opened open(Path file, OnnxOptions options) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BackendException(ErrorCode.MODEL_NOT_FOUND, "ONNX model file not found or not readable: " + file);
        }
        OrtEnvironment env = environment();
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        try {
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(options.interOpThreads());
            so.setOptimizationLevel(options.optimization());
            if (!options.allowSpinning()) {
                so.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            String device = selectDevice(so, options.device());
            return new Opened(env, env.createSession(file.toString(), so), so, device);
        } catch (OrtException e) {
            so.close();
            throw new BackendException(ErrorCode.MODEL_INVALID, "ONNX Runtime cannot load model " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            so.close();
            throw e;
        }
    }

    private static String selectDevice(OrtSession.SessionOptions so, OnnxOptions.Device device) {
        if (device == OnnxOptions.Device.CPU) {
            return "CPU";
        }
        EnumSet<OrtProvider> providers = OrtEnvironment.getAvailableProviders();
        if (!providers.contains(OrtProvider.CUDA)) {
            if (device == OnnxOptions.Device.CUDA) {
                throw new BackendException(ErrorCode.DEVICE_UNAVAILABLE, "device=cuda, but this ONNX Runtime offers only "
                        + providers + "; put com.microsoft.onnxruntime:onnxruntime_gpu on the class path");
            }
            return "CPU";
        }
        try {
            so.addCUDA(0);
            return "CUDA:0";
        } catch (OrtException e) {
            if (device == OnnxOptions.Device.CUDA) {
                throw new BackendException(ErrorCode.DEVICE_UNAVAILABLE, "device=cuda: CUDA execution provider failed: "
                        + e.getMessage(), e);
            }
            LOG.warning("CUDA execution provider unusable, running on CPU: " + e.getMessage());
            return "CPU";
        }
    }
}
