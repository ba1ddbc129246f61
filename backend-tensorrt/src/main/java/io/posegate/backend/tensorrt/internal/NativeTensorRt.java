package io.posegate.backend.tensorrt.internal;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.tensorrt.global.nvinfer;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;

/**
 * The loaded TensorRT: natives loaded once per JVM, the library's version and the API generation chosen for
 * it, and the logger TensorRT writes to. Thread-safe; {@link #get()} loads on first use.
 */
final class NativeTensorRt {
    private static NativeTensorRt instance;

    final TrtVersion version;
    final TrtGeneration generation;
    final TrtLogger logger;
    /** Engines and contexts kept for reuse when the generation cannot free them. */
    final RetainedEngines<EngineHandle, IExecutionContext> retained = new RetainedEngines<>();
    private final Map<Integer, Boolean> fastFp16 = new ConcurrentHashMap<>();

    private NativeTensorRt(TrtVersion version, TrtGeneration generation, TrtLogger logger) {
        this.version = version;
        this.generation = generation;
        this.logger = logger;
    }

    /** Whether CUDA device {@code device} has fast FP16, asked once per device (the query needs a builder). */
    boolean fastFp16(int device, BooleanSupplier query) {
        return fastFp16.computeIfAbsent(device, d -> query.getAsBoolean());
    }

    /**
     * Loads the presets' natives (and with them libnvinfer and libcudart; the ONNX parser is loaded when first needed) and picks the generation.
     *
     * @throws BackendException {@link ErrorCode#RUNTIME_UNAVAILABLE} naming the library that failed to load
     */
    static synchronized NativeTensorRt get() {
        if (instance == null) {
            try {
                Loader.load(org.bytedeco.cuda.global.cudart.class);
                Loader.load(nvinfer.class);
                TrtVersion v = TrtVersion.decode(nvinfer.getInferLibVersion());
                instance = new NativeTensorRt(v, Generations.forVersion(v), new TrtLogger());
            } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
                throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "cannot load TensorRT/CUDA natives ("
                        + BindingInfo.PRESETS + "): " + e, e);
            }
        }
        return instance;
    }
}
