package io.posegate.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.pipeline.SwapRecord;
import io.posegate.gateway.testing.FlakyProvider;
import io.posegate.gateway.testing.GatewayTrees;
import io.posegate.gateway.testing.TestBackends;
import io.posegate.gateway.testing.WithReloadingGateway;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The config file asks for backend {@code flaky}, which does not open at first: the old backend runs on and the
 * failure is reported. The swap is owed: each later reload of the file retries it once, even when it changes something
 * else (a token added), and a backend chosen at run time since the failure cancels the retry. A fleet desired config
 * (or the return to the last-known-good one) that does not name {@code backend} never retries it.
 */
class FailedSwapRetryTest extends WithReloadingGateway {
    private final FlakyProvider flaky = new FlakyProvider();

    private static JsonObject tree(String backend) {
        return GatewayTrees.demo(GatewayTrees.MODELS, backend, 5);
    }

    private static JsonObject withToken(String backend) {
        return tree(backend).put("auth", new JsonObject().put("anonymous", "viewer"));
    }

    @BeforeEach
    void start() throws Exception {
        startGateway(tree("auto"), TestBackends.simulatedAnd(flaky));
    }

    /** The file now names {@code flaky}, which refuses to open {@code failures} times. */
    private void fileNamesFlakyWhichFails(int failures) {
        flaky.failures.set(failures);
        reloader.apply(tree("flaky"));
        assertTrue(String.valueOf(reloader.lastError()).contains("device not ready"), String.valueOf(reloader.lastError()));
        assertEquals("auto", gateway.defaultBackend(), "the old backend runs on");
        assertEquals("flaky", reloader.intendedBackend(), "a soak sees that the config's backend does not run");
        assertTrue(gateway.lastSwap().error().contains("device not ready"), "visible in /api/backends' lastSwap");
    }

    @Test
    void theNextReloadRetriesTheFailedSwapWhateverItChanged() {
        fileNamesFlakyWhichFails(1);
        reloader.apply(withToken("flaky"));
        assertNull(reloader.lastError());
        assertEquals("flaky", gateway.defaultBackend(), "the owed swap was retried by a reload that changed only auth");
        assertEquals(1, flaky.refused.get());
        SwapRecord done = gateway.lastSwap();
        reloader.apply(tree("flaky"));
        assertSame(done, gateway.lastSwap(), "once it ran, nothing is owed");
    }

    @Test
    void eachReloadRetriesOnceWhileItStillFails() {
        fileNamesFlakyWhichFails(3);
        reloader.apply(withToken("flaky"));
        assertEquals(2, flaky.refused.get(), "one attempt for the reload");
        assertEquals("auto", gateway.defaultBackend());
        assertTrue(String.valueOf(reloader.lastError()).contains("device not ready"));
        reloader.apply(tree("flaky"));
        assertEquals(3, flaky.refused.get(), "one attempt for the reload");
        reloader.apply(withToken("flaky"));
        assertEquals("flaky", gateway.defaultBackend());
        assertEquals(3, flaky.refused.get());
    }

    @Test
    void aFleetOverlayThatDoesNotNameTheBackendNeitherRetriesNorFailsOnIt() {
        fileNamesFlakyWhichFails(3);
        reloader.fileTree(tree("flaky"));
        JsonObject streamsOnly = new JsonObject().put("streams", new JsonObject()
                .put("a", new JsonObject().put("source", "demo:?fps=4")));
        assertEquals(List.of(), reloader.applyOverlay(streamsOnly), "not a problem of a change that names no backend");
        assertEquals(1, flaky.refused.get(), "no retry for a fleet desired config");
        assertEquals("auto", reloader.intendedBackend(), "its soak checks the backend that runs");
        assertEquals(List.of(), reloader.applyOverlay(new JsonObject()), "a return to the file's config (a rollback)");
        assertEquals(1, flaky.refused.get(), "no retry for a rollback either");
        assertTrue(gateway.lastSwap().error().contains("device not ready"), "the failed swap stays visible");
        reloader.apply(withToken("flaky"));
        assertEquals(2, flaky.refused.get(), "the swap stayed owed: the next reload of the file retries it");
    }

    @Test
    void aRunTimeChoiceAfterTheFailureCancelsTheRetry() {
        fileNamesFlakyWhichFails(1);
        assertEquals(null, gateway.swapBackend("simulated").error(), "chosen at run time, as PUT /api/config does");
        reloader.apply(withToken("flaky"));
        assertEquals("simulated", gateway.defaultBackend(), "the run-time choice holds");
        assertEquals(1, flaky.refused.get(), "no retry");
    }
}
