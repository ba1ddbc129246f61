package io.posegate.spi;

/**
 * Element type of a {@link Tensor}. Only the types that pose networks exchange are listed.
 * Values are stored in the buffer in native byte order.
 */
public enum ElementType {
    FLOAT32(4),
    FLOAT16(2),
    UINT8(1),
    INT8(1),
    INT32(4),
    INT64(8);

    private final int byteSize;

    ElementType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes taken by one element. */
    public int byteSize() {
        return byteSize;
    }
}
