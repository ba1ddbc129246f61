package io.posegate.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.pipeline.SwapRecord;
import io.posegate.gateway.testing.FlakyProvider;
import io.posegate.gateway.testing.TestBackends;
import io.posegate.gateway.testing.WatchdogLoss;
import io.posegate.gateway.testing.WithReloadingGateway;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The config file names backend {@code flaky}, which opened; then a run on it hung, the watchdog poisoned its runtime
 * and reopening it failed, so {@code flaky} stays the default with no runtime and stream {@code a} is failed. That is
 * not a failed open the file owes: a reload of the file does not try to open it again, while a swap to it chosen at run
 * time does, and puts stream {@code a} back on it.
 */
class WatchdogLostBackendTest extends WithReloadingGateway {
    private final FlakyProvider flaky = new FlakyProvider();
    private int attemptsAfterLoss;

    @BeforeEach
    void loseFlakyToTheWatchdog() throws Exception {
        startGateway(WatchdogLoss.tree("flaky"), TestBackends.simulatedAnd(flaky));
        running.awaitBound("a");
        WatchdogLoss.lose(gateway, flaky);
        attemptsAfterLoss = flaky.attempts.get();
        assertEquals(2, attemptsAfterLoss, "opened at start, then one failed reopen");
        assertEquals("flaky", gateway.defaultBackend());
        assertNull(gateway.runtimes().get("flaky"));
        assertTrue(gateway.runtimeErrors().get("flaky").contains("reopening failed"), String.valueOf(gateway.runtimeErrors()));
        WatchdogLoss.awaitFailed(gateway, "a");
    }

    @AfterEach
    void releaseTheHungRun() {
        flaky.releaseHung();
    }

    @Test
    void aReloadOfTheFileDoesNotReopenIt() {
        flaky.failures.set(0);
        reloader.apply(WatchdogLoss.tree("flaky").put("auth", new JsonObject().put("anonymous", "viewer")));
        reloader.apply(WatchdogLoss.tree("flaky"));
        assertNull(reloader.lastError());
        assertEquals(attemptsAfterLoss, flaky.attempts.get(), "no open of flaky for a reload of the file");
        assertNull(gateway.lastSwap(), "no swap");
        assertTrue(gateway.runtimeLost("flaky"));
        assertEquals(SourceState.Phase.FAILED, gateway.stream("a").state().phase());
    }

    @Test
    void aRunTimeSwapToItReopensIt() throws Exception {
        flaky.failures.set(0);
        SwapRecord swap = gateway.swapBackend("flaky");
        assertNull(swap.error());
        assertEquals(attemptsAfterLoss + 1, flaky.attempts.get(), "the swap opened it once");
        assertNotNull(gateway.runtimes().get("flaky"));
        assertTrue(gateway.runtimeErrors().isEmpty(), String.valueOf(gateway.runtimeErrors()));
        running.awaitBound("a");
        assertNotEquals(SourceState.Phase.FAILED, gateway.stream("a").state().phase(), "stream a runs on it again");
    }
}
