package io.posegate.backend.openvino;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What {@link InputShapeCheck} lets OpenVINO reshape, without a runtime. */
class InputShapeCheckTest {
    private static final Path FILE = Path.of("m.onnx");

    private static void reshapable(long[] declared, long[] fed) {
        assertDoesNotThrow(() -> InputShapeCheck.requireReshapable("in", FILE, declared, fed));
    }

    private static String refused(long[] declared, long[] fed) {
        BackendException e = assertThrows(BackendException.class, () -> InputShapeCheck.requireReshapable("in", FILE, declared, fed));
        assertEquals(ErrorCode.MODEL_MISMATCH, e.code());
        return e.getMessage();
    }

    @Test
    void dynamicDimensionsAndEqualShapesAreReshapable() {
        reshapable(new long[] {-1, 3, -1, -1}, new long[] {1, 3, 256, 456});
        reshapable(new long[] {-1, -1, -1, -1}, new long[] {1, 256, 456, 3});
        reshapable(new long[] {1, 3, 256, 456}, new long[] {1, 3, 256, 456});
        reshapable(new long[] {}, new long[] {1, 3, 256, 456});
    }

    @Test
    void staticHeightWidthAndBatchOfAConvolutionalModelAreReshapable() {
        reshapable(new long[] {1, 3, 256, 456}, new long[] {1, 3, 368, 656});
        reshapable(new long[] {1, 192, 192, 3}, new long[] {1, 256, 320, 3});
        reshapable(new long[] {4, 3, 256, 456}, new long[] {1, 3, 256, 456});
    }

    @Test
    void aSpecInTheOtherLayoutIsRefusedStatingTheDeclaredShapeAndTheLayout() {
        String nchwSpecOnNhwcModel = refused(new long[] {1, 353, 481, 3}, new long[] {1, 3, 353, 481});
        assertTrue(nchwSpecOnNhwcModel.contains("input 'in' of m.onnx declares shape [1, 353, 481, 3] but the model spec feeds"
                + " [1, 3, 353, 481]"), nchwSpecOnNhwcModel);
        assertTrue(nchwSpecOnNhwcModel.contains("input.layout") && nchwSpecOnNhwcModel.contains("this model looks NHWC"),
                nchwSpecOnNhwcModel);
        String nhwcSpecOnNchwModel = refused(new long[] {1, 3, 192, 192}, new long[] {1, 192, 192, 3});
        assertTrue(nhwcSpecOnNchwModel.contains("declares shape [1, 3, 192, 192]") && nhwcSpecOnNchwModel.contains("looks NCHW"),
                nhwcSpecOnNchwModel);
        String dynamicSpatial = refused(new long[] {-1, 3, -1, -1}, new long[] {1, 256, 456, 3});
        assertTrue(dynamicSpatial.contains("static dimension 1 is 3, not 256"), dynamicSpatial);
    }

    @Test
    void aDifferentChannelCountOrRankIsRefused() {
        String channels = refused(new long[] {1, 3, 256, 456}, new long[] {1, 1, 256, 456});
        assertTrue(channels.contains("static dimension 1 is 3, not 1") && channels.contains("channel count must match"), channels);
        String nhwcChannels = refused(new long[] {1, 192, 192, 3}, new long[] {1, 192, 192, 1});
        assertTrue(nhwcChannels.contains("static dimension 3 is 3, not 1"), nhwcChannels);
        String rank = refused(new long[] {3, 256, 456}, new long[] {1, 3, 256, 456});
        assertTrue(rank.contains("declares shape [3, 256, 456]") && rank.contains("ranks differ (3 vs 4)"), rank);
        String otherRank = refused(new long[] {1, 8, 100}, new long[] {1, 8, 50});
        assertTrue(otherRank.contains("static dimension 2 is 100, not 50"), otherRank);
    }
}
