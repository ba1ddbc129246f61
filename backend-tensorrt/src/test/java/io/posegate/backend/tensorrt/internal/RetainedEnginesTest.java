package io.posegate.backend.tensorrt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetainedEnginesTest {
    private final RetainedEngines<String, StringBuilder> pool = new RetainedEngines<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger contexts = new AtomicInteger();

    private RetainedEngines.Lease<String, StringBuilder> acquire(String key) {
        return pool.acquire(key, () -> "engine-" + key + "-" + loads.incrementAndGet(),
                e -> new StringBuilder(e + "/ctx" + contexts.incrementAndGet()));
    }

    @Test
    void reopeningTheSameEngineReusesEngineAndContext() {
        RetainedEngines.Lease<String, StringBuilder> first = acquire("a@0");
        pool.giveBack(first);
        for (int swap = 0; swap < 10; swap++) {
            RetainedEngines.Lease<String, StringBuilder> again = acquire("a@0");
            assertSame(first.engine(), again.engine());
            assertSame(first.context(), again.context());
            pool.giveBack(again);
        }
        assertEquals(1, loads.get());
        assertEquals(1, pool.contexts("a@0"));
    }

    @Test
    void concurrentSessionsGetTheirOwnContextsOfOneEngine() {
        RetainedEngines.Lease<String, StringBuilder> old = acquire("a@0");
        RetainedEngines.Lease<String, StringBuilder> swappedIn = acquire("a@0");
        assertSame(old.engine(), swappedIn.engine());
        assertNotSame(old.context(), swappedIn.context());
        pool.giveBack(old);
        pool.giveBack(swappedIn);
        acquire("a@0");
        acquire("a@0");
        assertEquals(2, pool.contexts("a@0"), "contexts are bounded by the most sessions open at once");
    }

    @Test
    void keysAreSeparateAndFailedLoadsRetainNothing() {
        acquire("a@0");
        acquire("b@0");
        assertEquals(2, pool.engines());
        assertThrows(IllegalStateException.class, () -> pool.acquire("c@0", () -> {
            throw new IllegalStateException("corrupt plan");
        }, e -> new StringBuilder()));
        assertEquals(2, pool.engines());
        assertThrows(IllegalArgumentException.class, () -> pool.giveBack(new RetainedEngines.Lease<>("zzz", "x", new StringBuilder())));
    }
}
