package io.posegate.backend.openvino;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whether the shape a model declares for its input may be reshaped to the shape the spec feeds, checked before
 * OpenVINO is asked to, so that a mistake is a {@link ErrorCode#MODEL_MISMATCH} stating the model's declared shape
 * rather than an OpenVINO shape-inference dump.
 *
 * <p>The ranks must be equal (a declared shape of rank 0 is OpenVINO's dynamic rank and is left to OpenVINO).
 * Dynamic dimensions take any size. A static dimension may differ only where a resize is legitimate: the batch
 * (axis 0), and height and width, because the fully-convolutional pose networks run at other resolutions (an
 * IR exported at 256x456 runs at 368x656). The channel count must match. Which axes are height and width depends on
 * the layout, which a {@link io.posegate.spi.ModelSpec} does not carry, so for rank 4 a static difference on axis 2
 * is accepted (height in NCHW, width in NHWC), one on axis 1 (NCHW's channels, NHWC's height) only when axis 3 is a
 * static image channel count (1 to 4) equal in model and spec, and one on axis 3 only when axis 1 is: the untouched
 * channel axis confirms the layout. A spec in the other layout than the model differs on both and is refused. For
 * other ranks every static dimension but the batch must match.
 */
final class InputShapeCheck {
    private InputShapeCheck() {
    }

    /**
     * @param declared the model's input shape, -1 where dynamic
     * @param fed      the shape the spec feeds (one item; its batch is not checked against a dynamic batch)
     * @throws BackendException {@link ErrorCode#MODEL_MISMATCH} naming the input, the file, both shapes and a layout hint
     */
    static void requireReshapable(String input, Path file, long[] declared, long[] fed) {
        if (declared.length == 0) {
            return;
        }
        if (declared.length != fed.length) {
            throw mismatch(input, file, declared, fed, "the ranks differ (" + declared.length + " vs " + fed.length + ")");
        }
        for (int axis = 1; axis < declared.length; axis++) {
            if (differsStatically(declared, fed, axis) && !resizable(declared, fed, axis)) {
                throw mismatch(input, file, declared, fed, "static dimension " + axis + " is " + declared[axis]
                        + ", not " + fed[axis] + "; only the batch, height and width can be reshaped, the channel count must match");
            }
        }
    }

    private static boolean differsStatically(long[] declared, long[] fed, int axis) {
        return declared[axis] >= 0 && declared[axis] != fed[axis];
    }

    /** Axis 2 is spatial in both layouts; axis 1 is NHWC's height and axis 3 NCHW's width when the other is the channels. */
    private static boolean resizable(long[] declared, long[] fed, int axis) {
        if (declared.length != 4) {
            return false;
        }
        return switch (axis) {
            case 2 -> true;
            case 1 -> isChannelCount(declared[3]) && declared[3] == fed[3];
            case 3 -> isChannelCount(declared[1]) && declared[1] == fed[1];
            default -> false;
        };
    }

    private static BackendException mismatch(String input, Path file, long[] declared, long[] fed, String why) {
        return new BackendException(ErrorCode.MODEL_MISMATCH, "input '" + input + "' of " + file + " declares shape "
                + Arrays.toString(declared) + " but the model spec feeds " + Arrays.toString(fed) + ": " + why + "."
                + layoutHint(declared));
    }

    /** Says which layout the declared shape looks like, for the usual mistake: a descriptor in the other layout. */
    static String layoutHint(long[] declared) {
        String hint = " Check the descriptor's input size and input.layout (NCHW feeds [1,3,H,W], NHWC feeds [1,H,W,3])";
        if (declared.length == 4 && isChannelCount(declared[1]) && !isChannelCount(declared[3])) {
            return hint + "; this model looks NCHW.";
        }
        if (declared.length == 4 && isChannelCount(declared[3]) && !isChannelCount(declared[1])) {
            return hint + "; this model looks NHWC.";
        }
        return hint + ".";
    }

    /** An image's channel count: gray, RGB/BGR or RGBA (-1, dynamic, is not). */
    private static boolean isChannelCount(long d) {
        return d >= 1 && d <= 4;
    }
}
