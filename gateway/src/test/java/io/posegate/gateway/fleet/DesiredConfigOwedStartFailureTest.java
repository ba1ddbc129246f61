package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.ingest.SourceState;
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
 * The config file names backend {@code flaky}, which failed to open at start: it stays the default with no runtime,
 * stream {@code a} on it is failed, and the retry is owed to the next reload of the file. A fleet desired config that
 * does not name {@code backend} leaves it owed and does not open it, so its soak sees {@code a} failed ({@link BoxHealth}
 * does not exempt it) and the box returns to its last-known-good config; one that names {@code backend} reopens it.
 */
class DesiredConfigOwedStartFailureTest extends WithReloadingGateway {
    private final FlakyProvider flaky = new FlakyProvider();
    private final List<JsonObject> reports = new CopyOnWriteArrayList<>();
    private DesiredConfigs desired;

    private static JsonObject tree() {
        return GatewayTrees.demo(GatewayTrees.MODELS, "flaky", 5);
    }

    private static JsonObject streamsAAndB() {
        return new JsonObject().put("streams", new JsonObject()
                .put("a", new JsonObject().put("source", "demo:?fps=5"))
                .put("b", new JsonObject().put("source", "demo:?fps=5")));
    }

    @BeforeEach
    void startOnFlakyWhichFailsToOpen() throws Exception {
        flaky.failures.set(1_000);
        startGateway(tree(), TestBackends.simulatedAnd(flaky));
        assertEquals(1, flaky.attempts.get(), "the start opened it once");
        assertEquals("flaky", gateway.defaultBackend());
        assertEquals(SourceState.Phase.FAILED, gateway.stream("a").state().phase());
        desired = new DesiredConfigs(gateway, reloader, new FleetState(dir.resolve("state"), "box-1"), 0, reports::add, e -> { });
    }

    /** Sends desired config {@code config} as version {@code version} and returns the last report. */
    private JsonObject desire(int version, JsonObject config) {
        JsonObject msg = new JsonObject().put("version", version).put("rolloutId", "r" + version).put("config", config);
        desired.onDesired("box/box-1/config/desired", msg.encode().getBytes(StandardCharsets.UTF_8));
        return reports.get(reports.size() - 1);
    }

    @Test
    void boxHealthDoesNotExemptStreamsFailedOnTheOwedBackend() {
        assertEquals(List.of(), reloader.applyOverlay(streamsAAndB()), "the desired config itself applies");
        GatewayConfig wanted = reloader.validate(reloader.withOverlay(reloader.fileTree()));
        assertEquals(1, flaky.attempts.get(), "no open of flaky for a desired config that does not name backend");
        assertEquals("flaky", reloader.intendedBackend(), "the owed backend is the one the soak checks");
        assertEquals(SourceState.Phase.FAILED, gateway.stream("a").state().phase());
        assertTrue(BoxHealth.failedForGood(gateway, wanted, reloader.intendedBackend()), "the soak stops at the failed streams");
        String problem = BoxHealth.problem(gateway, wanted, reloader.intendedBackend());
        assertNotNull(problem, "not healthy");
        assertTrue(problem.contains("device not ready"), problem);
    }

    @Test
    void aRolloutThatDoesNotNameTheBackendIsRolledBackAndLeavesTheRetryOwed() {
        JsonObject last = desire(1, streamsAAndB());
        assertEquals(500, last.getInteger("status"), "rolled back: " + reports);
        assertTrue(last.getString("error").contains("returned to last-known-good config (the config file)"), last.encode());
        assertEquals(1, flaky.attempts.get(), "neither the rollout nor the rollback opened flaky");
        assertNull(gateway.stream("b"), "the rollout's stream b went with it");
        assertEquals(SourceState.Phase.FAILED, gateway.stream("a").state().phase());

        flaky.failures.set(0);
        reloader.apply(tree().put("auth", new JsonObject().put("anonymous", "viewer")));
        assertEquals(2, flaky.attempts.get(), "still owed: the next reload of the file retries it");
        assertNotNull(gateway.runtimes().get("flaky"));
    }

    @Test
    void aRolloutThatNamesTheBackendReopensIt() throws Exception {
        flaky.failures.set(0);
        JsonObject last = desire(1, new JsonObject().put("backend", "flaky"));
        assertEquals(200, last.getInteger("status"), "passed its soak: " + reports);
        assertEquals(2, flaky.attempts.get(), "the rollout opened flaky once");
        assertNotNull(gateway.runtimes().get("flaky"));
        assertEquals("flaky", gateway.lastSwap().to(), "as a swap");
        running.awaitBound("a");
    }
}
