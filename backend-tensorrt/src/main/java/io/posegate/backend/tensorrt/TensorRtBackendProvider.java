package io.posegate.backend.tensorrt;

import io.posegate.backend.tensorrt.engine.TensorRtOptions;
import static java.util.Objects.requireNonNull;

import io.posegate.backend.tensorrt.engine.LoggingBuildProgress;
import io.posegate.backend.tensorrt.internal.TensorRtOpener;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import java.nio.file.Files;
import java.util.function.Supplier;

/**
 * The {@code tensorrt} backend (priority 300): serialised TensorRT engines ({@code .engine}/{@code .plan}) and
 * ONNX models, which are built into engines once and cached (see {@link TensorRtOptions}).
 *
 * <p>{@link #probe()} only looks for files (libraries, device nodes, preset natives) and never loads native
 * code. {@link #open} loads TensorRT and CUDA through bytedeco's presets; it blocks (an engine build from ONNX
 * takes minutes on a Jetson Nano) and must run off any event loop. Thread-safe and stateless.
 */
public final class TensorRtBackendProvider implements BackendProvider {
    public static final String NAME = "tensorrt";
    public static final int PRIORITY = 300;

    private final Supplier<ProbeEnvironment> environment;

    /** The provider as {@link java.util.ServiceLoader} creates it, probing this machine. */
    public TensorRtBackendProvider() {
        this(ProbeEnvironment::system);
    }

    /** A provider probing {@code environment} (tests). */
    public TensorRtBackendProvider(Supplier<ProbeEnvironment> environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public java.util.Set<io.posegate.spi.ModelFormat> formats() {
        return TensorRtProbe.FORMATS;
    }

    @Override
    public Probe probe() {
        try {
            return new TensorRtProbe(environment.get()).probe();
        } catch (RuntimeException e) {
            return Probe.unavailable("TensorRT probe failed: " + e, TensorRtProbe.FORMATS);
        }
    }

    @Override
    public BackendSession open(ModelSpec model, BackendOptions options) {
        requireNonNull(model, "model is null");
        requireNonNull(options, "options is null");
        TensorRtOptions parsed = TensorRtOptions.parse(options);
        if (!TensorRtProbe.FORMATS.contains(model.format())) {
            throw new BackendException(ErrorCode.UNSUPPORTED_FORMAT, "tensorrt backend cannot load " + model.format().id()
                    + " model " + model.file() + "; it accepts " + TensorRtProbe.FORMATS);
        }
        Probe probe = probe();
        if (!probe.available()) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "TensorRT unavailable: " + probe.reason());
        }
        if (!probe.formats().contains(model.format())) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "TensorRT " + probe.details().get("onnx"));
        }
        if (!Files.isRegularFile(model.file())) {
            throw new BackendException(ErrorCode.MODEL_NOT_FOUND, "model file not found: " + model.file());
        }
        if (model.maxBatch() > 1) {
            java.util.logging.Logger.getLogger(TensorRtBackendProvider.class.getName()).info("tensorrt runs "
                    + model.file().getFileName() + " one frame at a time: batches of up to " + model.maxBatch()
                    + " were asked for, but this backend builds engines for batch 1 only");
        }
        TensorRtOpener.Opened opened = TensorRtOpener.open(model, parsed,
                new LoggingBuildProgress(model.file().getFileName().toString()));
        return new TensorRtSession(opened.device(), opened.bindings(), opened.executor());
    }
}
