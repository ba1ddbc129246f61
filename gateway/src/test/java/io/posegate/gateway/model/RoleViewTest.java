package io.posegate.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** Output roles as maps: zero-copy NCHW and NHWC views, channel ranges, quantised outputs dequantised. */
class RoleViewTest {
    @Test
    void planarFloatRangeIsAViewOfTheSameMemory() {
        Tensor t = Tensor.allocate("out", ElementType.FLOAT32, 1, 5, 2, 3);
        FeatureMap m = new RoleView("pafs", new TensorRef("out", 2, 4, 1f), TensorLayout.NCHW).view(t);
        assertEquals(2, m.channels());
        t.floats().put(2 * 6 + 4, 7f); // channel 2, y 1, x 1 of the tensor
        assertEquals(7f, m.get(0, 1, 1), "written after the view was made: the view shares the tensor's memory");
    }

    @Test
    void interleavedFloatIsViewedInPlaceAsHwc() {
        Tensor t = Tensor.allocate("out", ElementType.FLOAT32, 1, 2, 3, 4); // [1,H,W,C]
        FeatureMap m = new RoleView("heatmaps", new TensorRef("out", 0, -1, 1f), TensorLayout.NHWC).view(t);
        assertEquals(FeatureMap.Layout.HWC, m.layout());
        assertEquals(4, m.channels());
        assertEquals(2, m.height());
        assertEquals(3, m.width());
        t.floats().put((1 * 3 + 2) * 4 + 3, 5f);
        assertEquals(5f, m.get(3, 1, 2));
    }

    @Test
    void quantisedInterleavedChannelRangeIsDequantisedIntoPlanarValues() {
        Tensor t = Tensor.allocate("out", ElementType.UINT8, 1, 2, 2, 3); // [1,H,W,C]
        ByteBuffer b = t.buffer();
        for (int i = 0; i < 12; i++) {
            b.put(i, (byte) (120 + i * 10)); // up to 230: read as unsigned
        }
        FeatureMap m = new RoleView("offsets", new TensorRef("out", 1, 3, 0.5f, 128f), TensorLayout.NHWC).view(t);
        assertEquals(FeatureMap.Layout.CHW, m.layout());
        assertEquals(2, m.channels());
        // tensor channel 1 at (y 1, x 0) is element (1*2 + 0)*3 + 1 = 7, stored 190 -> (190 - 128) * 0.5
        assertEquals(31f, m.get(0, 1, 0));
        // tensor channel 2 at (y 1, x 1) is element 11, stored 230 -> 51
        assertEquals(51f, m.get(1, 1, 1));
    }

    @Test
    void scaledFloatIsConvertedAndInt8IsSigned() {
        Tensor f = Tensor.allocate("out", ElementType.FLOAT32, 1, 1, 1, 2);
        FloatBuffer fb = f.floats();
        fb.put(0, 3f).put(1, -1f);
        FeatureMap m = new RoleView("heatmaps", new TensorRef("out", 0, -1, 2f), TensorLayout.NCHW).view(f);
        assertEquals(6f, m.get(0, 0, 0));
        assertEquals(3f, f.floats().get(0), "the tensor itself is left alone");
        Tensor i8 = Tensor.allocate("out", ElementType.INT8, 1, 1, 1, 2);
        i8.buffer().put(0, (byte) -4);
        assertEquals(-2f, new RoleView("tags", new TensorRef("out", 0, -1, 0.5f), TensorLayout.NCHW).view(i8).get(0, 0, 0));
    }

    @Test
    void associativeEmbeddingTagsWithATrailingOneAreAPlanarView() {
        Tensor t = Tensor.allocate("embeddings", ElementType.FLOAT32, 1, 17, 4, 6, 1);
        t.floats().put((3 * 4 + 2) * 6 + 5, 0.5f);
        FeatureMap m = new RoleView("tags", new TensorRef("embeddings", 0, -1, 1f), TensorLayout.NCHW).view(t);
        assertEquals(17, m.channels());
        assertEquals(0.5f, m.get(3, 2, 5));
    }

    @Test
    void misfitsAreNamed() {
        Tensor t = Tensor.allocate("out", ElementType.FLOAT32, 1, 3, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RoleView("pafs", new TensorRef("out", 0, 4, 1f), TensorLayout.NCHW).view(t));
        assertTrue(e.getMessage().contains("'out' (pafs) has 3 channels") && e.getMessage().contains("4"), e.getMessage());
        Tensor i64 = Tensor.allocate("out", ElementType.INT64, 1, 1, 1, 1);
        e = assertThrows(IllegalArgumentException.class,
                () -> new RoleView("tags", new TensorRef("out", 0, -1, 1f), TensorLayout.NCHW).view(i64));
        assertTrue(e.getMessage().contains("INT64"), e.getMessage());
    }

    @Test
    void theSameTensorAndItemGiveTheSameMapAndAnotherGivesItsOwn() {
        Tensor t = Tensor.allocate("out", ElementType.FLOAT32, 2, 3, 2, 2);
        RoleView view = new RoleView("heatmaps", new TensorRef("out", 0, -1, 1f), TensorLayout.NCHW);
        FeatureMap first = view.view(t, 1);
        assertSame(first, view.view(t, 1), "made once per (tensor, item)");
        t.floats().put(12 + 5, 4f); // item 1, channel 1, y 0, x 1
        assertEquals(4f, view.view(t, 1).get(1, 0, 1));
        assertEquals(0f, view.view(t, 0).get(1, 0, 1), "item 0 is its own view");
        Tensor other = Tensor.allocate("out", ElementType.FLOAT32, 2, 3, 2, 2);
        assertEquals(0f, view.view(other, 1).get(1, 0, 1), "another tensor is viewed anew");
    }

    @Test
    void aConvertedMapIsConvertedAgainOnEveryCall() {
        Tensor t = Tensor.allocate("out", ElementType.UINT8, 1, 2, 2, 1); // [1,H,W,C]
        RoleView view = new RoleView("heatmaps", new TensorRef("out", 0, -1, 0.5f, 100f), TensorLayout.NHWC);
        t.buffer().put(3, (byte) 110);
        assertEquals(5f, view.view(t).get(0, 1, 1));
        t.buffer().put(3, (byte) 200);
        assertEquals(50f, view.view(t).get(0, 1, 1), "the next frame's values, not the first one's");
    }

    /**
     * Tensors that come back in turn (a held output's views per batch size) keep their maps: before, only the last
     * (tensor, item) was kept, so alternating two tensors made a new map every call.
     */
    @Test
    void tensorsTakingTurnsKeepTheirMaps() {
        Tensor full = Tensor.allocate("out", ElementType.FLOAT32, 2, 3, 2, 2);
        Tensor one = full.firstItems(1);
        Tensor other = Tensor.allocate("out", ElementType.FLOAT32, 1, 3, 2, 2);
        RoleView view = new RoleView("heatmaps", new TensorRef("out", 0, -1, 1f), TensorLayout.NCHW);
        FeatureMap a = view.view(full, 0);
        FeatureMap b = view.view(one, 0);
        FeatureMap c = view.view(other, 0);
        assertSame(a, view.view(full, 0));
        assertSame(b, view.view(one, 0));
        assertSame(c, view.view(other, 0));
    }

    /** Converted maps kept for two tensors each show their own tensor's current values, also after the array grew. */
    @Test
    void convertedMapsTakingTurnsShowTheirOwnTensor() {
        Tensor small = Tensor.allocate("out", ElementType.UINT8, 1, 1, 1, 1);
        Tensor large = Tensor.allocate("out", ElementType.UINT8, 1, 1, 2, 2);
        RoleView view = new RoleView("heatmaps", new TensorRef("out", 0, -1, 1f, 0f), TensorLayout.NCHW);
        small.buffer().put(0, (byte) 3);
        large.buffer().put(0, (byte) 5);
        assertEquals(3f, view.view(small).get(0, 0, 0));
        assertEquals(5f, view.view(large).get(0, 0, 0));
        small.buffer().put(0, (byte) 7);
        assertEquals(7f, view.view(small).get(0, 0, 0), "the small tensor's map sees its value after the array grew");
        large.buffer().put(0, (byte) 9);
        assertEquals(9f, view.view(large).get(0, 0, 0));
        assertEquals(7f, view.view(small).get(0, 0, 0));
    }

    /** More (tensor, item) pairs in turn than the 16 kept before (a backend's run slots, up to 64): each keeps its map. */
    @Test
    void sixtyFourTensorsTakingTurnsKeepTheirMaps() {
        RoleView view = new RoleView("heatmaps", new TensorRef("out", 0, -1, 1f), TensorLayout.NCHW);
        Tensor[] ts = new Tensor[64];
        FeatureMap[] maps = new FeatureMap[ts.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = Tensor.allocate("out", ElementType.FLOAT32, 1, 1, 1, 1);
            maps[i] = view.view(ts[i]);
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < ts.length; i++) {
                assertSame(maps[i], view.view(ts[i]), "tensor " + i + ", round " + round);
            }
        }
        assertEquals(ts.length, view.size());
    }

    /**
     * A converted map whose array was since replaced (grown) can never be found again: when the views are full, it goes
     * before the least recently used map that can.
     */
    @Test
    void aMapConvertingIntoAReplacedArrayGoesFirst() {
        RoleView view = new RoleView("heatmaps", new TensorRef("out", 0, -1, 1f, 0f), TensorLayout.NCHW);
        Tensor leastRecent = Tensor.allocate("out", ElementType.FLOAT32, 1, 1, 1, 1);
        FeatureMap leastRecentMap = view.view(leastRecent);  // FLOAT32, scale 1: a view, not converted
        Tensor small = Tensor.allocate("out", ElementType.UINT8, 1, 1, 1, 1);
        view.view(small);  // converted into a 1-value array
        Tensor large = Tensor.allocate("out", ElementType.UINT8, 1, 1, 2, 2);
        view.view(large);  // the array grows: small's map converts into the old one, stale
        while (view.size() < RoleView.RECENT) {
            view.view(Tensor.allocate("out", ElementType.FLOAT32, 1, 1, 1, 1));
        }
        assertTrue(view.holds(small));
        view.view(Tensor.allocate("out", ElementType.FLOAT32, 1, 1, 1, 1));
        assertTrue(!view.holds(small), "the stale map went");
        assertSame(leastRecentMap, view.view(leastRecent), "not the least recently used one");
    }

    @Test
    void clearLetsGoOfEveryTensor() {
        RoleView view = new RoleView("heatmaps", new TensorRef("out", 0, -1, 1f), TensorLayout.NCHW);
        Tensor t = Tensor.allocate("out", ElementType.FLOAT32, 1, 1, 1, 1);
        FeatureMap first = view.view(t);
        view.clear();
        assertEquals(0, view.size());
        assertTrue(!view.holds(t));
        assertTrue(first != view.view(t), "made again after clear");
        assertEquals(1, view.size());
    }
}
