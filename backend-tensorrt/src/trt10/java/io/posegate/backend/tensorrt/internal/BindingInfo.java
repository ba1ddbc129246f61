package io.posegate.backend.tensorrt.internal;

/**
 * Facts about the TensorRT API generation compiled into this build: the default (and {@code trt-x86}) build
 * holds the TensorRT 10 binding. Pure constants: the probe reads them without loading native code.
 */
public final class BindingInfo {
    /** The libnvinfer major version the compiled preset's JNI library links against. */
    public static final int TENSORRT_MAJOR = 10;
    public static final String NVINFER_LIBRARY = "libnvinfer.so.10";
    /** Needed only to build engines from ONNX. */
    public static final String ONNX_PARSER_LIBRARY = "libnvonnxparser.so.10";
    /** The CUDA runtime the cuda preset's JNI library links against. */
    public static final String CUDART_LIBRARY = "libcudart.so.13";
    public static final String GENERATION = "TensorRT 10 named IO tensors (setTensorAddress/enqueueV3)";
    public static final String PRESETS = "tensorrt 10.15-1.5.13 + cuda 13.1-9.19-1.5.13";
    /** The Maven profile that adds this generation's natives. */
    public static final String PROFILE = "trt-x86";

    private BindingInfo() {
    }
}
