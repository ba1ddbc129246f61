package io.posegate.backend.tensorrt.engine;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.util.Locale;

/** Option {@code fp16}: whether engines built from ONNX may use FP16 kernels. */
public enum Fp16Mode {
    /** FP16 when the GPU has fast FP16 (TensorRT's {@code platformHasFastFp16}), else FP32. */
    AUTO,
    /** Always FP16. */
    TRUE,
    /** Always FP32. */
    FALSE;

    /** The precision to build with on a GPU that does ({@code fastFp16}) or does not have fast FP16. */
    public Precision precision(boolean fastFp16) {
        return switch (this) {
            case AUTO -> fastFp16 ? Precision.FP16 : Precision.FP32;
            case TRUE -> Precision.FP16;
            case FALSE -> Precision.FP32;
        };
    }

    /** @throws BackendException {@link ErrorCode#INVALID_OPTION} naming the value and the accepted ones */
    public static Fp16Mode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "true" -> TRUE;
            case "false" -> FALSE;
            default -> throw new BackendException(ErrorCode.INVALID_OPTION,
                    "option 'fp16' must be auto, true or false, got '" + value + "'");
        };
    }
}
