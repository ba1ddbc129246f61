package io.posegate.backend.tensorrt.internal;

import io.posegate.spi.ElementType;

/** Maps TensorRT's {@code DataType} values (the same numbering in TensorRT 8 and 10) to SPI types. Pure Java. */
final class TrtTypes {
    private static final String[] NAMES = {"kFLOAT", "kHALF", "kINT8", "kINT32", "kBOOL", "kUINT8", "kFP8", "kBF16", "kINT64",
        "kINT4", "kFP4", "kE8M0"};

    private TrtTypes() {
    }

    /** The SPI type of TensorRT data type {@code value}, or null if it has none. */
    static ElementType element(int value) {
        return switch (value) {
            case 0 -> ElementType.FLOAT32;
            case 1 -> ElementType.FLOAT16;
            case 3 -> ElementType.INT32;
            case 5 -> ElementType.UINT8;
            case 8 -> ElementType.INT64;
            default -> null;
        };
    }

    /** TensorRT's name of data type {@code value}. */
    static String name(int value) {
        return value >= 0 && value < NAMES.length ? NAMES[value] : "DataType(" + value + ")";
    }
}
