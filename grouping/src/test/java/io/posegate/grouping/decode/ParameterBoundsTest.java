package io.posegate.grouping.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Sizes that would overflow or exhaust memory when a decoder makes its workspace, and thresholds that are not
 * numbers, are refused when the parameters are made, naming the field, never as an overflow or OOM later.
 */
class ParameterBoundsTest {
    @Test
    void groupingParamsBoundTheirSizesAndRefuseNonFiniteThresholds() {
        assertRefused(() -> new GroupingParams(0.1f, 0.1f, 5, 7, 50_000, 100), "maxPeaks must be 1..1000, got 50000");
        assertRefused(() -> new GroupingParams(0.1f, 0.1f, 5, 7, 100, 2_000_000_000), "maxPeople must be 1..1000, got 2000000000");
        assertRefused(() -> new GroupingParams(0.1f, 0.1f, 5, 1_000_000_000, 100, 100), "samples must be 2..1000");
        assertRefused(() -> new GroupingParams(Float.NaN, 0.1f, 5, 7, 100, 100), "peakThreshold must be a finite number, got NaN");
        assertRefused(() -> new GroupingParams(0.1f, Float.POSITIVE_INFINITY, 5, 7, 100, 100), "linkThreshold must be a finite");
        assertRefused(() -> new GroupingParams(0.1f, 0.1f, 0, 7, 100, 100), "window must be at least 1, got 0");
        GroupingParams largest = new GroupingParams(0.1f, 0.1f, 5, 1000, 1000, 1000);
        assertEquals(1000, largest.maxPeaks());
    }

    @Test
    void descriptorKeysOfEveryDecoderAreNamed() {
        Topology coco18 = Topologies.coco18OpenPose();
        assertRefused(() -> Decoders.create("paf", coco18, DecoderParams.of(Map.of("maxPeaks", 20_000))), "maxPeaks must be 1..1000");
        assertRefused(() -> Decoders.create("associative-embedding", Topologies.coco17(),
                DecoderParams.of(Map.of("maxPeople", 50_000))), "maxPeople must be 1..1000");
        assertRefused(() -> Decoders.create("associative-embedding", Topologies.coco17(),
                DecoderParams.of(Map.of("detectionThreshold", Double.NaN))), "detectionThreshold must be a finite number");
        assertRefused(() -> Decoders.create("posenet", Topologies.coco17(), DecoderParams.of(Map.of("maxPoses", 5000))),
                "posenet maxPoses must be 1..1000, got 5000");
        assertRefused(() -> Decoders.create("single-person", Topologies.mpii16(), DecoderParams.of(Map.of("threshold", Float.NaN))),
                "single-person threshold 0 must be a finite number, got NaN");
    }

    private static void assertRefused(Executable make, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
