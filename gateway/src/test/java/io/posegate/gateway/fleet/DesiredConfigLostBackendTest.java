package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.posegate.gateway.testing.FlakyProvider;
import io.posegate.gateway.testing.TestBackends;
import io.posegate.gateway.testing.WatchdogLoss;
import io.posegate.gateway.testing.WithReloadingGateway;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The config file names backend {@code flaky}, whose runtime the watchdog lost (a run hung, reopening it failed). A
 * fleet desired config naming {@code backend} reopens it, as a swap, and passes its soak on it.
 */
class DesiredConfigLostBackendTest extends WithReloadingGateway {
    private final FlakyProvider flaky = new FlakyProvider();
    private final List<JsonObject> reports = new CopyOnWriteArrayList<>();

    @AfterEach
    void releaseTheHungRun() {
        flaky.releaseHung();
    }

    @Test
    void aRolloutThatNamesTheBackendReopensIt() throws Exception {
        startGateway(WatchdogLoss.tree("flaky"), TestBackends.simulatedAnd(flaky));
        running.awaitBound("a");
        WatchdogLoss.lose(gateway, flaky);
        int attemptsAfterLoss = flaky.attempts.get();
        assertNull(gateway.runtimes().get("flaky"));

        flaky.failures.set(0);
        DesiredConfigs desired = new DesiredConfigs(gateway, reloader, new FleetState(dir.resolve("state"), "box-1"), 0,
                reports::add, e -> { });
        JsonObject msg = new JsonObject().put("version", 1).put("rolloutId", "r1")
                .put("config", new JsonObject().put("backend", "flaky"));
        desired.onDesired("box/box-1/config/desired", msg.encode().getBytes(StandardCharsets.UTF_8));

        JsonObject last = reports.get(reports.size() - 1);
        assertEquals(200, last.getInteger("status"), "passed its soak: " + reports);
        assertEquals(attemptsAfterLoss + 1, flaky.attempts.get(), "the rollout opened flaky once");
        assertNotNull(gateway.runtimes().get("flaky"));
        assertEquals("flaky", gateway.lastSwap().to(), "as a swap");
        running.awaitBound("a");
    }
}
