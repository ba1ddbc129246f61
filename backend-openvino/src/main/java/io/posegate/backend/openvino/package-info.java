/**
 * The {@code openvino} backend: {@link io.posegate.backend.openvino.OpenVinoProvider} finds OpenVINO's
 * C library at run time ({@link io.posegate.backend.openvino.RuntimeLocator}), opens IR and ONNX models
 * on CPU, GPU, MYRIAD (NCS2), NPU, AUTO or HETERO devices and runs them with N asynchronous infer
 * requests. Native calls go through {@code io.posegate.backend.openvino.internal}.
 */
package io.posegate.backend.openvino;
