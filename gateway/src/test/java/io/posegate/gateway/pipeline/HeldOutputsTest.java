package io.posegate.gateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Copies are of each frame's values, into memory kept across frames and grown for a larger batch. */
class HeldOutputsTest {
    @Test
    void everyFrameIsCopiedIntoTheSameMemory() {
        Tensor src = Tensor.allocate("out", ElementType.FLOAT32, 1, 2, 3);
        HeldOutputs held = new HeldOutputs();
        src.floats().put(4, 1f);
        held.copyFrom(result(src));
        Tensor first = held.output("out");
        src.floats().put(4, 2f);
        held.copyFrom(result(src));
        assertSame(first, held.output("out"), "the same held tensor");
        assertEquals(2f, first.floats().get(4), "the second frame's value");
    }

    @Test
    void aSmallerBatchReusesAndALargerOneGrows() {
        Tensor two = Tensor.allocate("out", ElementType.FLOAT32, 2, 3);
        Tensor one = Tensor.allocate("out", ElementType.FLOAT32, 1, 3);
        Tensor three = Tensor.allocate("out", ElementType.FLOAT32, 3, 3);
        HeldOutputs held = new HeldOutputs();
        two.floats().put(5, 5f);
        held.copyFrom(result(two));
        one.floats().put(2, 7f);
        held.copyFrom(result(one));
        assertArrayEquals(new long[] {1, 3}, held.output("out").shape());
        assertEquals(7f, held.output("out").floats().get(2));
        three.floats().put(8, 9f);
        held.copyFrom(result(three));
        assertArrayEquals(new long[] {3, 3}, held.output("out").shape());
        assertEquals(9f, held.output("out").floats().get(8));
    }

    /** Sources taking turns (two run slots) are each copied, not one of them twice. */
    @Test
    void sourcesTakingTurnsAreEachCopied() {
        Tensor a = Tensor.allocate("out", ElementType.FLOAT32, 1, 3);
        Tensor b = Tensor.allocate("out", ElementType.FLOAT32, 1, 3);
        a.floats().put(1, 1f);
        b.floats().put(1, 2f);
        HeldOutputs held = new HeldOutputs();
        for (int i = 0; i < 3; i++) {
            held.copyFrom(result(a));
            assertEquals(1f, held.output("out").floats().get(1));
            held.copyFrom(result(b));
            assertEquals(2f, held.output("out").floats().get(1));
        }
    }

    /** An output with a dimension beyond an int (0 bytes) does not fit the held memory: it is held anew, no overflow. */
    @Test
    void aDimensionBeyondAnIntIsComparedWithoutOverflow() {
        HeldOutputs held = new HeldOutputs();
        held.copyFrom(result(Tensor.allocate("out", ElementType.FLOAT32, 1, 3, 1)));
        Tensor huge = Tensor.allocate("out", ElementType.FLOAT32, 1, 1L << 32, 0);
        held.copyFrom(result(huge));
        assertArrayEquals(huge.shape(), held.output("out").shape());
    }

    private static InferenceResult result(Tensor t) {
        return new InferenceResult() {
            @Override
            public List<String> names() {
                return List.of(t.name());
            }

            @Override
            public Tensor output(String name) {
                return t;
            }

            @Override
            public void close() {
            }
        };
    }
}
