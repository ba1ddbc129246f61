package io.posegate.gateway.pipeline;

import io.posegate.gateway.testing.CapturedLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A stream whose every frame fails logs one line with its stack trace per 10 s, counting the others. */
class FailureLogTest {
    private final AtomicLong now = new AtomicLong(5);
    private final FailureLog log = new FailureLog(now::get);

    @Test
    void theFirstFailureIsLoggedThenOnePerPeriodWithTheCountBetween() {
        assertEquals(0L, log.admit());
        for (int i = 0; i < 250; i++) {
            now.addAndGet(40_000_000L); // 25 failures a second for 10 s
            Long skipped = log.admit();
            if (i < 249) {
                assertNull(skipped, "failure " + i + " within the period");
            } else {
                assertEquals(249L, skipped, "the 10 s mark: the failures not logged since the first");
            }
        }
        now.addAndGet(1);
        assertNull(log.admit());
    }

    @Test
    void theLoggedLineCarriesTheStackTraceAndTheCount() {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        CapturedLog captured = CapturedLog.of(logger);
        IllegalArgumentException nan = new IllegalArgumentException("heatmaps channel 0 (nose) holds NaN at y=1, x=2");
        for (int i = 0; i < 30; i++) {
            log.failed(logger, "cam", nan);
            now.addAndGet(1_000_000_000L);
        }
        List<LogRecord> records = captured.records();
        assertEquals(3, records.size(), "at 0, 10 and 20 s of 30 failures a second apart");
        assertEquals(nan, records.get(0).getThrown());
        assertTrue(records.get(1).getMessage().startsWith("stream cam: frame failed: "), records.get(1).getMessage());
        assertTrue(records.get(1).getMessage().endsWith("(and 9 more failed frames since the last logged one)"),
                records.get(1).getMessage());
    }
}
