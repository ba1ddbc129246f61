package io.posegate.spi.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small pose-shaped ONNX model, written by hand in the protobuf wire format so that tests need no
 * download and no Python. Input {@code input} [1,3,H,W] float32 (H and W dynamic). Two outputs, like an
 * OpenPose network at stride {@code stride}:
 * <ul>
 *   <li>{@code heatmaps} [1,{@value #HEATMAP_CHANNELS},H/s,W/s] = AveragePool_s(Conv1x1(input, W_h, b_h))</li>
 *   <li>{@code pafs} [1,{@value #PAF_CHANNELS},H/s,W/s] = AveragePool_s(Conv1x1(input, W_p, b_p))</li>
 * </ul>
 * The weights are fixed formulas ({@link #weight}, {@link #bias}), so {@link #expected} computes the
 * exact outputs in Java for any input.
 */
public final class OnnxTestModel {
    public static final int HEATMAP_CHANNELS = 19;
    public static final int PAF_CHANNELS = 38;
    private static final int FLOAT = 1;

    private final int stride;

    public OnnxTestModel(int stride) {
        this.stride = stride;
    }

    public int stride() {
        return stride;
    }

    /** Weight of input channel {@code in} for output channel {@code out} of output {@code which} (0 heatmaps, 1 pafs). */
    public static float weight(int which, int out, int in) {
        return ((out * 7 + in * 3 + which * 5) % 11 - 5) / 10f;
    }

    public static float bias(int which, int out) {
        return ((out + which * 3) % 5) / 20f;
    }

    /** Writes the model to {@code file} and returns it. */
    public Path write(Path file) throws IOException {
        ProtoWriter graph = new ProtoWriter()
                .message(1, node("Conv", "input", "W_h", "B_h", "conv_h"))
                .message(1, node("Conv", "input", "W_p", "B_p", "conv_p"))
                .message(1, pool("conv_h", "heatmaps"))
                .message(1, pool("conv_p", "pafs"))
                .string(2, "posegate_test_pose")
                .message(5, initializer("W_h", weights(0, HEATMAP_CHANNELS), HEATMAP_CHANNELS, 3, 1, 1))
                .message(5, initializer("B_h", biases(0, HEATMAP_CHANNELS), HEATMAP_CHANNELS))
                .message(5, initializer("W_p", weights(1, PAF_CHANNELS), PAF_CHANNELS, 3, 1, 1))
                .message(5, initializer("B_p", biases(1, PAF_CHANNELS), PAF_CHANNELS))
                .message(11, valueInfo("input", "1", "3", "H", "W"))
                .message(12, valueInfo("heatmaps", "1", String.valueOf(HEATMAP_CHANNELS), "h", "w"))
                .message(12, valueInfo("pafs", "1", String.valueOf(PAF_CHANNELS), "h", "w"));
        ProtoWriter model = new ProtoWriter()
                .varint(1, 8)
                .string(2, "posegate-tests")
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, 13));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, model.toByteArray());
        return file;
    }

    /**
     * The exact expected output for {@code input} (NCHW, batch 1, {@code c*h*w} floats).
     *
     * @param which 0 for heatmaps, 1 for pafs
     */
    public float[] expected(int which, float[] input, int h, int w) {
        int channels = which == 0 ? HEATMAP_CHANNELS : PAF_CHANNELS;
        int oh = h / stride;
        int ow = w / stride;
        float[] out = new float[channels * oh * ow];
        for (int o = 0; o < channels; o++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    double sum = 0;
                    for (int dy = 0; dy < stride; dy++) {
                        for (int dx = 0; dx < stride; dx++) {
                            int p = (y * stride + dy) * w + (x * stride + dx);
                            double v = bias(which, o);
                            for (int i = 0; i < 3; i++) {
                                v += weight(which, o, i) * input[i * h * w + p];
                            }
                            sum += v;
                        }
                    }
                    out[(o * oh + y) * ow + x] = (float) (sum / (stride * stride));
                }
            }
        }
        return out;
    }

    private static float[] weights(int which, int channels) {
        float[] w = new float[channels * 3];
        for (int o = 0; o < channels; o++) {
            for (int i = 0; i < 3; i++) {
                w[o * 3 + i] = weight(which, o, i);
            }
        }
        return w;
    }

    private static float[] biases(int which, int channels) {
        float[] b = new float[channels];
        for (int o = 0; o < channels; o++) {
            b[o] = bias(which, o);
        }
        return b;
    }

    private static ProtoWriter node(String op, String x, String w, String b, String y) {
        return new ProtoWriter().string(1, x).string(1, w).string(1, b).string(2, y).string(3, y).string(4, op)
                .message(5, intsAttribute("kernel_shape", 1, 1));
    }

    private ProtoWriter pool(String x, String y) {
        return new ProtoWriter().string(1, x).string(2, y).string(3, y + "_pool").string(4, "AveragePool")
                .message(5, intsAttribute("kernel_shape", stride, stride))
                .message(5, intsAttribute("strides", stride, stride));
    }

    private static ProtoWriter intsAttribute(String name, long... values) {
        ProtoWriter a = new ProtoWriter().string(1, name).varint(20, 7);
        for (long v : values) {
            a.varint(8, v);
        }
        return a;
    }

    private static ProtoWriter initializer(String name, float[] data, long... dims) {
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.varint(1, d);
        }
        return t.varint(2, FLOAT).floats(4, data).string(8, name);
    }

    private static ProtoWriter valueInfo(String name, String... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (String d : dims) {
            ProtoWriter dim = new ProtoWriter();
            if (Character.isDigit(d.charAt(0))) {
                dim.varint(1, Long.parseLong(d));
            } else {
                dim.string(2, d);
            }
            shape.message(1, dim);
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }
}
