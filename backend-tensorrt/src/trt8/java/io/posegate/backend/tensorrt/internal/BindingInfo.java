package io.posegate.backend.tensorrt.internal;

/**
 * Facts about the TensorRT API generation compiled into this build: the {@code trt-jetson} build holds the
 * TensorRT 8 (bindings) binding for JetPack 4.6. Pure constants: the probe reads them without loading native code.
 */
public final class BindingInfo {
    /** The libnvinfer major version the compiled preset's JNI library links against. */
    public static final int TENSORRT_MAJOR = 8;
    public static final String NVINFER_LIBRARY = "libnvinfer.so.8";
    /** Needed only to build engines from ONNX. */
    public static final String ONNX_PARSER_LIBRARY = "libnvonnxparser.so.8";
    /** The CUDA runtime the cuda preset's JNI library links against. */
    public static final String CUDART_LIBRARY = "libcudart.so.10.2";
    public static final String GENERATION = "TensorRT 8 bindings (getBindingIndex/executeV2)";
    public static final String PRESETS = "tensorrt 8.0-1.5.6 + cuda 10.2-8.2-1.5.6";
    /** The Maven profile that adds this generation's natives. */
    public static final String PROFILE = "trt-jetson";

    private BindingInfo() {
    }
}
