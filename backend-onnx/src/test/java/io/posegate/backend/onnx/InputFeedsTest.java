package io.posegate.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.onnxruntime.OnnxTensor;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The input maps are made once per distinct input tensor, the least recently used is replaced when full, and close empties it. */
class InputFeedsTest {
    @Test
    void theSameTensorGetsTheSameMapAndTheOldestIsReplacedWhenFull() throws Exception {
        Tensor a = Tensor.allocate("input", ElementType.FLOAT32, 1, 3, 2, 2);
        Tensor b = a.withName("input");
        Tensor c = Tensor.allocate("input", ElementType.FLOAT32, 1, 3, 2, 2);
        try (InputFeeds feeds = new InputFeeds(OrtSessions.environment(), "input", 2)) {
            Map<String, OnnxTensor> fa = feeds.feed(a);
            assertSame(fa, feeds.feed(a), "made once per tensor");
            Map<String, OnnxTensor> fb = feeds.feed(b);
            assertNotSame(fa, fb, "another tensor object (even over the same memory) gets its own");
            assertEquals(2, feeds.size());
            a.floats().put(5, 7f);
            assertEquals(7f, fa.get("input").getFloatBuffer().get(5), "the ORT tensor reads the SPI tensor's memory");
            feeds.feed(c);
            assertEquals(2, feeds.size(), "bounded");
            assertSame(fb, feeds.feed(b), "b was newer than a, so a was replaced");
            assertNotSame(fa, feeds.feed(a), "a is made again");
        }
    }

    @Test
    void theLeastRecentlyUsedIsReplacedNotTheOldest() throws Exception {
        Tensor a = Tensor.allocate("input", ElementType.FLOAT32, 1, 1);
        Tensor b = Tensor.allocate("input", ElementType.FLOAT32, 1, 1);
        Tensor c = Tensor.allocate("input", ElementType.FLOAT32, 1, 1);
        try (InputFeeds feeds = new InputFeeds(OrtSessions.environment(), "input", 2)) {
            Map<String, OnnxTensor> fa = feeds.feed(a);
            Map<String, OnnxTensor> fb = feeds.feed(b);
            assertSame(fa, feeds.feed(a), "a is used again, after b");
            feeds.feed(c);
            assertSame(fa, feeds.feed(a), "a was used more recently than b, so b went (oldest-first would drop a)");
            assertNotSame(fb, feeds.feed(b), "b is made again");
        }
    }

    @Test
    void closeLetsGoOfEverything() throws Exception {
        InputFeeds feeds = new InputFeeds(OrtSessions.environment(), "input", 3);
        feeds.feed(Tensor.allocate("input", ElementType.FLOAT32, 1, 1));
        feeds.close();
        assertEquals(0, feeds.size());
    }

    /** More tensors in turn than the start size: the arrays grow, so each tensor, fed again, hits its map. */
    @Test
    void tensorsInTurnBeyondTheStartSizeStillHit() throws Exception {
        Tensor[] many = new Tensor[40];
        for (int i = 0; i < many.length; i++) {
            many[i] = Tensor.allocate("input", ElementType.FLOAT32, 1, 1);
        }
        try (InputFeeds feeds = new InputFeeds(OrtSessions.environment(), "input", InputFeeds.capacityFor(1))) {
            java.util.List<Map<String, OnnxTensor>> first = new java.util.ArrayList<>();
            for (Tensor t : many) {
                first.add(feeds.feed(t));
            }
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < many.length; i++) {
                    assertSame(first.get(i), feeds.feed(many[i]), "tensor " + i + ", round " + round);
                }
            }
            assertEquals(many.length, feeds.size());
            assertEquals(0, feeds.replaced(), "nothing replaced");
        }
    }

    @Test
    void theCapacityGrowsWithTheBatchSizes() {
        assertEquals(InputFeeds.PER_BATCH_SIZE, InputFeeds.capacityFor(1));
        assertEquals(4 * InputFeeds.PER_BATCH_SIZE, InputFeeds.capacityFor(4));
    }

    /** Beyond the capacity, tensors in turn miss every time: counted (the warning is logged once from that count). */
    @Test
    void tensorsInTurnBeyondTheCapacityAreCountedAsReplaced() throws Exception {
        Tensor[] three = {Tensor.allocate("input", ElementType.FLOAT32, 1, 1), Tensor.allocate("input", ElementType.FLOAT32, 1, 1),
            Tensor.allocate("input", ElementType.FLOAT32, 1, 1)};
        try (InputFeeds feeds = new InputFeeds(OrtSessions.environment(), "input", 2)) {
            for (int round = 0; round < 2; round++) {
                for (Tensor t : three) {
                    feeds.feed(t);
                }
            }
            assertEquals(4, feeds.replaced(), "every feed after the first two replaced an entry");
        }
    }
}
