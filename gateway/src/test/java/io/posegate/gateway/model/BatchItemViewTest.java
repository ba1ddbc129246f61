package io.posegate.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Output roles read item i of a batched output [N,...]: planar and interleaved views, converted values, bounds. */
class BatchItemViewTest {
    @Test
    void planarItemIsAViewOfItsOwnSliceOfTheBatch() {
        Tensor t = Tensor.allocate("out", ElementType.FLOAT32, 3, 5, 2, 3);
        RoleView role = new RoleView("pafs", new TensorRef("out", 2, 4, 1f), TensorLayout.NCHW);
        for (int item = 0; item < 3; item++) {
            t.floats().put(item * 30 + 2 * 6 + 4, 10f + item); // item, channel 2, y 1, x 1
        }
        for (int item = 0; item < 3; item++) {
            FeatureMap m = role.view(t, item);
            assertEquals(2, m.channels());
            assertEquals(10f + item, m.get(0, 1, 1), "item " + item);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> role.view(t, 3));
        assertTrue(e.getMessage().contains("has no batch item 3"), e.getMessage());
    }

    @Test
    void interleavedAndQuantisedItemsAreReadFromTheirOwnSlice() {
        Tensor hwc = Tensor.allocate("out", ElementType.FLOAT32, 2, 2, 3, 4);
        hwc.floats().put(24 + (1 * 3 + 2) * 4 + 3, 5f); // item 1
        FeatureMap m = new RoleView("heatmaps", new TensorRef("out", 0, -1, 1f), TensorLayout.NHWC).view(hwc, 1);
        assertEquals(5f, m.get(3, 1, 2));
        assertEquals(0f, new RoleView("heatmaps", new TensorRef("out", 0, -1, 1f), TensorLayout.NHWC).view(hwc, 0).get(3, 1, 2));

        Tensor q = Tensor.allocate("out", ElementType.UINT8, 2, 2, 2, 3); // [N,H,W,C]
        ByteBuffer b = q.buffer();
        b.put(12 + (1 * 2 + 1) * 3 + 2, (byte) 200); // item 1, y 1, x 1, channel 2
        TensorRef ref = new TensorRef("out", 1, 3, 0.5f, 100f);
        FeatureMap item1 = new RoleView("heatmaps", ref, TensorLayout.NHWC).view(q, 1);
        assertEquals((200 - 100) * 0.5f, item1.get(1, 1, 1), 1e-6f);
        FeatureMap item0 = new RoleView("heatmaps", ref, TensorLayout.NHWC).view(q, 0);
        assertEquals((0 - 100) * 0.5f, item0.get(1, 1, 1), 1e-6f);
    }

    @Test
    void tensorItemsShareTheBatchMemory() {
        Tensor batch = Tensor.allocate("data", ElementType.FLOAT32, 4, 3, 2, 2);
        Tensor item2 = batch.item(2);
        assertEquals(1, item2.dim(0));
        assertEquals(12, item2.elementCount());
        item2.floats().put(5, 9f);
        assertEquals(9f, batch.floats().get(2 * 12 + 5));
        Tensor first3 = batch.firstItems(3);
        assertEquals(3, first3.dim(0));
        assertEquals(36 * 4, first3.byteSize());
        assertEquals(9f, first3.floats().get(29));
        assertThrows(IllegalArgumentException.class, () -> batch.item(4));
        assertThrows(IllegalArgumentException.class, () -> batch.firstItems(0));
        assertThrows(IllegalArgumentException.class, () -> batch.firstItems(5));
    }
}
