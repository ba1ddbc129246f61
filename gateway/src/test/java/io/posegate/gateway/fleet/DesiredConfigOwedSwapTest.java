package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.testing.FlakyProvider;
import io.posegate.gateway.testing.GatewayTrees;
import io.posegate.gateway.testing.TestBackends;
import io.posegate.gateway.testing.WithReloadingGateway;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The config file names backend {@code flaky}, which failed to open, so the swap to it is owed. A fleet desired
 * config that sets only {@code streams} is not about the backend: it neither retries the owed swap nor fails on it,
 * so the rollout passes (200, no rollback) with no attempt to open {@code flaky}; the next reload of the file still
 * retries it once.
 */
class DesiredConfigOwedSwapTest extends WithReloadingGateway {
    private final FlakyProvider flaky = new FlakyProvider();
    private final List<JsonObject> reports = new CopyOnWriteArrayList<>();

    private static JsonObject tree(String backend) {
        return GatewayTrees.demo(GatewayTrees.MODELS, backend, 5);
    }

    @BeforeEach
    void start() throws Exception {
        startGateway(tree("auto"), TestBackends.simulatedAnd(flaky));
    }

    @Test
    void aStreamsOnlyRolloutPassesWithoutRetryingTheOwedSwap() {
        flaky.failures.set(5);
        reloader.fileTree(tree("flaky"));
        reloader.apply(tree("flaky"));
        assertEquals(1, flaky.attempts.get());
        assertEquals("auto", gateway.defaultBackend());

        DesiredConfigs desired = new DesiredConfigs(gateway, reloader, new FleetState(dir.resolve("state"), "box-1"), 0,
                reports::add, e -> { });
        JsonObject streams = new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=5"))
                .put("b", new JsonObject().put("source", "demo:?fps=5"));
        JsonObject msg = new JsonObject().put("version", 1).put("rolloutId", "r1")
                .put("config", new JsonObject().put("streams", streams));
        desired.onDesired("box/box-1/config/desired", msg.encode().getBytes(StandardCharsets.UTF_8));

        JsonObject last = reports.get(reports.size() - 1);
        assertEquals(200, last.getInteger("status"), "the rollout passed, not rolled back: " + reports);
        assertTrue(gateway.stream("b") != null, "its streams run");
        assertEquals(1, flaky.attempts.get(), "no attempt to open the file's backend for a streams-only rollout");
        assertEquals("auto", gateway.defaultBackend());
        assertTrue(gateway.lastSwap().error().contains("device not ready"), "the failed swap stays visible");

        reloader.apply(tree("flaky").put("auth", new JsonObject().put("anonymous", "viewer")));
        assertEquals(2, flaky.attempts.get(), "the next reload of the file retries it once");
    }
}
