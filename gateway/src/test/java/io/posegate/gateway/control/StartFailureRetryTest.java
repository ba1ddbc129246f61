package io.posegate.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.pipeline.SwapRecord;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.FlakyProvider;
import io.posegate.gateway.testing.GatewayTrees;
import io.posegate.gateway.testing.TestBackends;
import io.posegate.gateway.testing.WithReloadingGateway;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The config file names backend {@code flaky}, which does not open when the gateway starts: the gateway starts anyway,
 * {@code flaky} stays the default with no runtime and stream {@code a} is marked failed. That counts as a failed swap
 * of the file: each later reload of the file retries it once (a swap, shown as {@code lastSwap}) until it opens; a fleet
 * desired config that does not name {@code backend} does not, and a backend chosen at run time since cancels the retry.
 */
class StartFailureRetryTest extends WithReloadingGateway {
    private final FlakyProvider flaky = new FlakyProvider();

    private static JsonObject tree(String backend) {
        return GatewayTrees.demo(GatewayTrees.MODELS, backend, 5);
    }

    private static JsonObject withToken(String backend) {
        return tree(backend).put("auth", new JsonObject().put("anonymous", "viewer"));
    }

    /** Starts the gateway on {@code flaky}, which refuses to open {@code failures} times. */
    private void startOnFlakyWhichFails(int failures) throws Exception {
        flaky.failures.set(failures);
        startGateway(tree("flaky"), TestBackends.simulatedAnd(flaky));
        assertEquals(1, flaky.refused.get(), "the start opened it once");
        assertEquals("flaky", gateway.defaultBackend(), "no fallback: the file's backend stays the default");
        assertNull(gateway.runtimes().get("flaky"));
        assertTrue(gateway.runtimeErrors().get("flaky").contains("device not ready"), "visible in /api/backends' errors");
        assertEquals(SourceState.Phase.FAILED, gateway.stream("a").state().phase());
        assertTrue(String.valueOf(reloader.lastError()).contains("failed to open at start"), String.valueOf(reloader.lastError()));
    }

    @Test
    void theNextReloadOfTheFileRetriesIt() throws Exception {
        startOnFlakyWhichFails(1);
        reloader.apply(withToken("flaky"));
        assertNull(reloader.lastError());
        assertEquals(2, flaky.attempts.get(), "one retry for the reload");
        SwapRecord done = gateway.lastSwap();
        assertNull(done.error());
        assertEquals("flaky", done.to());
        assertNotNull(gateway.runtimes().get("flaky"));
        assertTrue(gateway.runtimeErrors().isEmpty());
        running.awaitBound("a");
        assertTrue(gateway.stream("a").state().phase() != SourceState.Phase.FAILED, "the stream runs again");
        reloader.apply(tree("flaky"));
        assertSame(done, gateway.lastSwap(), "once it ran, nothing is owed");
        assertEquals(2, flaky.attempts.get());
    }

    @Test
    void eachReloadRetriesOnceWhileItStillFails() throws Exception {
        startOnFlakyWhichFails(3);
        reloader.apply(withToken("flaky"));
        assertEquals(2, flaky.refused.get(), "one attempt for the reload");
        assertTrue(String.valueOf(reloader.lastError()).contains("device not ready"));
        assertTrue(gateway.lastSwap().error().contains("device not ready"), "visible in /api/backends' lastSwap");
        reloader.apply(tree("flaky"));
        assertEquals(3, flaky.refused.get(), "one attempt for the reload");
        reloader.apply(withToken("flaky"));
        assertEquals(4, flaky.attempts.get());
        assertNull(gateway.lastSwap().error());
        running.awaitBound("a");
    }

    @Test
    void aFleetOverlayThatDoesNotNameTheBackendDoesNotRetryIt() throws Exception {
        startOnFlakyWhichFails(3);
        reloader.fileTree(tree("flaky"));
        JsonObject streamsOnly = new JsonObject().put("streams", new JsonObject()
                .put("a", new JsonObject().put("source", "demo:?fps=4")));
        assertEquals(List.of(), reloader.applyOverlay(streamsOnly));
        assertEquals(List.of(), reloader.applyOverlay(new JsonObject()), "a return to the file's config (a rollback)");
        assertEquals(1, flaky.attempts.get(), "no retry for a fleet desired config or rollback");
        assertNull(gateway.lastSwap());
        reloader.apply(withToken("flaky"));
        assertEquals(2, flaky.attempts.get(), "it stayed owed: the next reload of the file retries it");
    }

    @Test
    void aRunTimeChoiceCancelsTheRetry() throws Exception {
        startOnFlakyWhichFails(1);
        assertNull(gateway.swapBackend("simulated").error(), "chosen at run time, as PUT /api/config does");
        reloader.apply(withToken("flaky"));
        assertEquals("simulated", gateway.defaultBackend(), "the run-time choice holds");
        assertEquals(1, flaky.attempts.get(), "no retry");
    }

    @Test
    void aFailedRetryRecordsItsOwnError() throws Exception {
        startOnFlakyWhichFails(2);
        flaky.message = "flaky: driver mismatch";
        reloader.apply(withToken("flaky"));
        assertEquals(2, flaky.refused.get(), "one attempt for the reload");
        assertEquals("flaky", gateway.defaultBackend());
        assertTrue(gateway.runtimeErrors().get("flaky").contains("driver mismatch"),
                "/api/backends' errors shows the retry's error: " + gateway.runtimeErrors());
        SourceState a = gateway.stream("a").state();
        assertEquals(SourceState.Phase.FAILED, a.phase());
        assertTrue(String.valueOf(a.reason()).contains("driver mismatch"), "the stream's reason too: " + a.reason());
    }

    @Test
    void aDefaultThatFailsOnFirstUseIsRetriedByTheNextReload() throws Exception {
        flaky.failures.set(1);
        JsonObject noStreams = tree("flaky").put("streams", new JsonObject());
        startGateway(noStreams, TestBackends.simulatedAnd(flaky));
        assertEquals(0, flaky.attempts.get(), "no stream asked for it at start");
        assertNull(reloader.lastError());
        reloader.apply(tree("flaky"));
        assertEquals(1, flaky.attempts.get(), "stream a, added by this reload, opens it and fails; not retried by the same reload");
        assertEquals(SourceState.Phase.FAILED, gateway.stream("a").state().phase());
        assertNull(gateway.lastSwap());
        reloader.apply(withToken("flaky"));
        assertEquals(2, flaky.attempts.get(), "the next reload of the file retries it once");
        assertNull(gateway.lastSwap().error());
        assertNotNull(gateway.runtimes().get("flaky"));
        running.awaitBound("a");
    }

    @Test
    void aReloadWaitsForASwapThatIsOpeningItAndDoesNotOpenItAgain() throws Exception {
        startOnFlakyWhichFails(1);
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        flaky.hold = hold;
        Thread swap = new Thread(() -> gateway.swapBackend("flaky"), "swap-to-flaky");
        swap.start();
        Thread reload = null;
        try {
            Await.until(() -> flaky.attempts.get() == 2, Await.PATIENCE, () -> "the swap to start opening flaky");
            assertTrue(gateway.lastSwap().inProgress());
            reload = new Thread(() -> reloader.apply(withToken("flaky")), "reload");
            reload.start();
            Thread waiting = reload;
            Await.until(() -> !waiting.isAlive() || waiting.getState() == Thread.State.WAITING, Await.PATIENCE,
                    () -> "the reload to finish or wait for the swap; it is " + waiting.getState());
            assertTrue(reload.isAlive(), "the reload decided while the swap was still opening");
        } finally {
            hold.countDown();
            swap.join(Await.PATIENCE.toMillis());
            if (reload != null) {
                reload.join(Await.PATIENCE.toMillis());
            }
        }
        assertNull(gateway.lastSwap().error());
        assertNotNull(gateway.runtimes().get("flaky"));
        assertEquals(2, flaky.attempts.get(), "the reload found it open after the swap: no second open");
        assertNull(reloader.lastError());
    }
}
