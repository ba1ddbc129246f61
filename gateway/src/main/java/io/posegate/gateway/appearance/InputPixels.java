package io.posegate.gateway.appearance;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.model.InputSpec;
import io.posegate.gateway.model.TensorLayout;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.nio.ByteBuffer;

/**
 * Reads the picture back out of a pre-processed model input tensor: the blue, green and red (0..255) of a
 * model-input pixel, undoing the spec's colour order and normalisation ({@code value = pixel * scale / std -
 * mean / std}; integer element types were rounded, so they come back within half a step). Absolute reads
 * on one view made at construction: no allocation per call. Not thread-safe (one per input tensor).
 */
final class InputPixels {
    private final ByteBuffer buffer;
    private final ElementType type;
    private final boolean planar;
    private final int width;
    private final int height;
    private final int[] tensorChannel = new int[3];
    private final float[] mul = new float[3];
    private final float[] add = new float[3];

    InputPixels(InputSpec spec, Tensor input) {
        requireNonNull(spec, "spec is null");
        this.buffer = requireNonNull(input, "input is null").buffer();
        this.type = spec.type();
        this.planar = spec.layout() == TensorLayout.NCHW;
        this.width = spec.width();
        this.height = spec.height();
        float[] mean = spec.mean();
        float[] std = spec.std();
        for (int c = 0; c < 3; c++) {
            mul[c] = spec.scale() / std[c];
            add[c] = -mean[c] / std[c];
        }
        for (int bgr = 0; bgr < 3; bgr++) {
            // tensor channel c holds source channel c for BGR order, 2 - c for RGB
            tensorChannel[bgr] = spec.colorOrder() == InputSpec.ColorOrder.BGR ? bgr : 2 - bgr;
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Channel {@code bgr} (0 blue, 1 green, 2 red) of pixel (x, y), 0..255; x, y must be inside the input. */
    float value(int x, int y, int bgr) {
        int c = tensorChannel[bgr];
        int i = planar ? (c * height + y) * width + x : (y * width + x) * 3 + c;
        float v = switch (type) {
            case FLOAT32 -> buffer.getFloat(i * 4);
            case UINT8 -> buffer.get(i) & 0xFF;
            default -> buffer.get(i);
        };
        return (v - add[c]) / mul[c];
    }
}
