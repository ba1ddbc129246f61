package io.posegate.grouping.decode;

import static io.posegate.grouping.decode.NonFinitePafTest.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.posenet.PoseNetMaps;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The single-person, associative-embedding and PoseNet decoders refuse a frame holding NaN or an infinity
 * where they read it, naming the role, the channel (with its keypoint) and the cell, and decode the next,
 * finite frame as before.
 */
class NonFiniteDecodersTest {
    private static final int H = 24;
    private static final int W = 20;

    @Test
    void singlePersonNamesTheBadCellItsArgmaxWouldHaveStoppedAt() {
        PoseDecoder d = Decoders.create("single-person", Topologies.mpii16(), DecoderParams.defaults());
        FeatureMap hm = FeatureMap.of(new float[16 * H * W], 16, H, W);
        for (int k = 0; k < 16; k++) {
            set(hm, k, 5, 5, 0.9f);
        }
        Poses out = new Poses(16, 1);
        set(hm, 0, 0, 0, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.decode(DecoderInputs.of(Map.of("heatmaps", hm)), out));
        assertTrue(e.getMessage().contains("heatmaps channel 0 (right_ankle) holds NaN at y=0, x=0"), e.getMessage());
        set(hm, 0, 0, 0, 0f);
        d.decode(DecoderInputs.of(Map.of("heatmaps", hm)), out);
        assertEquals(16, out.presentCount(0), "usable after a refused frame");
    }

    @Test
    void singlePersonNamesTheNetworksCellNotTheBlurredOnes() {
        PoseDecoder d = Decoders.create("single-person", Topologies.mpii16(), DecoderParams.of(Map.of("blurKernel", 5)));
        FeatureMap hm = FeatureMap.of(new float[16 * H * W], 16, H, W);
        set(hm, 2, 7, 9, Float.POSITIVE_INFINITY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.decode(DecoderInputs.of(Map.of("heatmaps", hm)), new Poses(16, 1)));
        assertTrue(e.getMessage().contains("heatmaps channel 2 (right_hip) holds Infinity at y=7, x=9"), e.getMessage());
    }

    @Test
    void associativeEmbeddingNamesBadTagsHeatmapsAndNmsHeatmaps() {
        PoseDecoder d = Decoders.create("associative-embedding", Topologies.coco17(), DecoderParams.defaults());
        Map<String, FeatureMap> maps = twoTaggedPeople(17);
        Poses out = new Poses(17, 30);
        d.decode(DecoderInputs.of(maps), out);
        assertEquals(2, out.count(), "two people told apart by their tags");

        set(maps.get("tags"), 5, 6, 15, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.decode(DecoderInputs.of(maps), out));
        assertTrue(e.getMessage().contains("tags channel 5 (left_shoulder) holds NaN at y=6, x=15"), e.getMessage());
        set(maps.get("tags"), 5, 6, 15, 3f);

        set(maps.get("heatmaps"), 1, 20, 2, Float.NEGATIVE_INFINITY);
        d.decode(DecoderInputs.of(maps), out);
        assertEquals(2, out.count(), "-inf is below any threshold: never a candidate");
        set(maps.get("heatmaps"), 1, 20, 2, Float.POSITIVE_INFINITY);
        e = assertThrows(IllegalArgumentException.class, () -> d.decode(DecoderInputs.of(maps), out));
        assertTrue(e.getMessage().contains("heatmaps channel 1 (left_eye) holds Infinity at y=20, x=2"), e.getMessage());

        maps.put("nms_heatmaps", FeatureMap.of(new float[17 * H * W], 17, H, W));
        set(maps.get("nms_heatmaps"), 16, 0, 3, Float.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> d.decode(DecoderInputs.of(maps), out));
        assertTrue(e.getMessage().contains("nms_heatmaps channel 16 (right_ankle) holds NaN at y=0, x=3"), e.getMessage());
    }

    @Test
    void associativeEmbeddingsRefinementRefusesTheBadCellItWouldTake() {
        PoseDecoder d = Decoders.create("associative-embedding", Topologies.coco17(), DecoderParams.defaults());
        Map<String, FeatureMap> maps = twoTaggedPeople(16); // right_ankle (16) missing: the refinement looks for it in every cell
        Poses out = new Poses(17, 30);
        d.decode(DecoderInputs.of(maps), out);
        assertEquals(2, out.count());
        // a NaN tag rounds to a finite cost, so the refinement would take this cell (the first, at the lowest cost)
        set(maps.get("tags"), 16, 0, 0, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.decode(DecoderInputs.of(maps), out));
        assertTrue(e.getMessage().contains("tags channel 16 (right_ankle) holds NaN at y=0, x=0"), e.getMessage());
    }

    @Test
    void poseNetNamesBadHeatmapsOffsetsAndDisplacements() {
        PoseDecoder d = Decoders.create("posenet", Topologies.coco17(), DecoderParams.defaults());
        PoseNetMaps maps = PoseNetMaps.render(new float[][][] {PoseNetMaps.person(10, 3, 10, H, W)}, H, W, 16);
        Map<String, FeatureMap> in = Map.of("heatmaps", maps.heatmaps, "offsets", maps.offsets,
                "displacements", maps.displacements);
        Poses out = new Poses(17, 10);

        float kept = set(maps.heatmaps, 5, 3, 4, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.decode(DecoderInputs.of(in), out));
        assertTrue(e.getMessage().contains("heatmaps channel 5 (left_shoulder) holds NaN at y=3, x=4"), e.getMessage());
        set(maps.heatmaps, 5, 3, 4, kept);

        fill(maps.offsets, 17, Float.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> d.decode(DecoderInputs.of(in), out));
        assertTrue(e.getMessage().startsWith("offsets channel 17 holds NaN at y="), e.getMessage());
        PoseNetMaps clean = PoseNetMaps.render(new float[][][] {PoseNetMaps.person(10, 3, 10, H, W)}, H, W, 16);
        for (int c = 0; c < clean.displacements.channels(); c++) {
            fill(clean.displacements, c, Float.POSITIVE_INFINITY);
        }
        e = assertThrows(IllegalArgumentException.class, () -> d.decode(DecoderInputs.of(Map.of("heatmaps", clean.heatmaps,
                "offsets", clean.offsets, "displacements", clean.displacements)), out));
        assertTrue(e.getMessage().startsWith("displacements channel ") && e.getMessage().contains(" holds Infinity at y="),
                e.getMessage());

        PoseNetMaps fresh = PoseNetMaps.render(new float[][][] {PoseNetMaps.person(10, 3, 10, H, W)}, H, W, 16);
        d.decode(DecoderInputs.of(Map.of("heatmaps", fresh.heatmaps, "offsets", fresh.offsets,
                "displacements", fresh.displacements)), out);
        assertEquals(1, out.count(), "usable after refused frames");
    }

    private static void fill(FeatureMap m, int c, float v) {
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
                set(m, c, y, x, v);
            }
        }
    }

    /** COCO-17 heatmaps and tags of two people told apart by their tags (0 and 3), with keypoints 0..present-1. */
    private static Map<String, FeatureMap> twoTaggedPeople(int present) {
        Map<String, FeatureMap> maps = new HashMap<>();
        maps.put("heatmaps", FeatureMap.of(new float[17 * H * W], 17, H, W));
        maps.put("tags", FeatureMap.of(new float[17 * H * W], 17, H, W));
        for (int k = 0; k < present; k++) {
            set(maps.get("heatmaps"), k, 4 + k / 2, 6, 0.9f);
            set(maps.get("heatmaps"), k, 4 + k / 2, 15, 0.8f);
            set(maps.get("tags"), k, 4 + k / 2, 15, 3f);
        }
        return maps;
    }
}
