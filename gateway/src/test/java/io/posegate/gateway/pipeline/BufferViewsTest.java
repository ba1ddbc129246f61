package io.posegate.gateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Views are kept per tensor for as many tensors as a backend hands out for one output; clear lets go of them. */
class BufferViewsTest {
    /** 200 tensors in turn (e.g. 50 run slots, 4 batch sizes), beyond the 16 kept before: each keeps its view. */
    @Test
    void manyTensorsTakingTurnsKeepTheirViews() {
        BufferViews views = new BufferViews();
        Tensor[] ts = new Tensor[200];
        ByteBuffer[] first = new ByteBuffer[ts.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = Tensor.allocate("out", ElementType.FLOAT32, 1, 2);
            first[i] = views.of(ts[i]);
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < ts.length; i++) {
                assertSame(first[i], views.of(ts[i]), "tensor " + i + ", round " + round);
            }
        }
        assertEquals(ts.length, views.size());
    }

    @Test
    void clearLetsGoOfEveryTensor() {
        BufferViews views = new BufferViews();
        Tensor t = Tensor.allocate("out", ElementType.FLOAT32, 1, 2);
        views.of(t);
        assertTrue(views.holds(t));
        views.clear();
        assertFalse(views.holds(t));
        assertEquals(0, views.size());
        views.of(t);
        assertEquals(1, views.size());
    }
}
