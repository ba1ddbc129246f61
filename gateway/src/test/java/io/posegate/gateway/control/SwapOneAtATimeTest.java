package io.posegate.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.pipeline.SwapInProgressException;
import io.posegate.gateway.pipeline.SwapRecord;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.FlakyProvider;
import io.posegate.gateway.testing.GatewayTrees;
import io.posegate.gateway.testing.TestBackends;
import io.posegate.gateway.testing.TwinProvider;
import io.posegate.gateway.testing.WithReloadingGateway;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Backend swaps run one at a time. The gateway starts on {@code simulated}; a swap to {@code flaky} is held in its
 * open (a latch), and meanwhile: another swap asked for by the reloader or directly waits its turn and then wins,
 * being asked for last; {@code PUT /api/config} is refused at once with 409 naming the swap in progress, and opens
 * nothing (the fleet's {@code swap-backend}: {@code fleet.SwapBackendCommandBusyTest}). Before, both swaps opened side by side and the one whose open finished last
 * stayed, whichever was asked for last.
 */
class SwapOneAtATimeTest extends WithReloadingGateway {
    private final FlakyProvider flaky = new FlakyProvider();
    private final CountDownLatch release = new CountDownLatch(1);
    private Thread held;

    private static JsonObject tree(String backend) {
        return GatewayTrees.demo(GatewayTrees.MODELS, backend, 5);
    }

    @BeforeEach
    void startWithASwapHeldInItsOpen() throws Exception {
        startGateway(tree("simulated"), TestBackends.simulatedAnd(flaky, new TwinProvider()));
        running.awaitBound("a");
        flaky.hold = release;
        held = new Thread(() -> gateway.swapBackend("flaky"), "swap-to-flaky");
        held.start();
        Await.until(() -> flaky.attempts.get() == 1, Await.PATIENCE, () -> "the swap to flaky to start opening");
        assertTrue(gateway.lastSwap().inProgress());
    }

    @AfterEach
    void releaseTheHeldSwap() throws InterruptedException {
        release.countDown();
        held.join(Await.PATIENCE.toMillis());
    }

    /** Runs {@code work} on a thread of its own and waits until it has finished or is parked (waiting its turn). */
    private static Thread startAndLetItPark(String name, Executable work, AtomicReference<Throwable> failed)
            throws InterruptedException {
        Thread t = new Thread(() -> {
            try {
                work.execute();
            } catch (Throwable e) {
                failed.set(e);
            }
        }, name);
        t.start();
        Await.until(() -> !t.isAlive() || t.getState() == Thread.State.WAITING, Await.PATIENCE,
                () -> name + " to finish or wait; it is " + t.getState());
        return t;
    }

    @Test
    void aSwapAskedForMeanwhileWaitsItsTurnAndStays() throws Exception {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicReference<SwapRecord> second = new AtomicReference<>();
        Thread waiting = startAndLetItPark("swap-to-twin", () -> second.set(gateway.swapBackend("twin")), failed);
        assertTrue(waiting.isAlive(), "the second swap ran while the first was opening");
        assertTrue(gateway.lastSwap().inProgress() && gateway.lastSwap().to().equals("flaky"), String.valueOf(gateway.lastSwap()));

        release.countDown();
        held.join(Await.PATIENCE.toMillis());
        waiting.join(Await.PATIENCE.toMillis());
        assertNull(failed.get());
        assertNull(second.get().error());
        assertEquals("flaky", second.get().from(), "it started from the backend the first swap left");
        assertEquals("twin", gateway.defaultBackend(), "the swap asked for last stays");
        assertSame(second.get(), gateway.lastSwap());
        assertSame(gateway.runtimes().get("twin"), gateway.stream("a").runtime());
        assertEquals(1, flaky.attempts.get());
    }

    @Test
    void aReloadOfTheFileNamingAnotherBackendWaitsItsTurnAndIsApplied() throws Exception {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread waiting = startAndLetItPark("reload", () -> reloader.apply(tree("twin")), failed);
        assertTrue(waiting.isAlive(), "the reload's swap ran while the first swap was opening");

        release.countDown();
        waiting.join(Await.PATIENCE.toMillis());
        assertNull(failed.get());
        assertNull(reloader.lastError());
        assertEquals("twin", gateway.defaultBackend(), "the file's backend, applied after the swap in progress");
        assertEquals("flaky", gateway.lastSwap().from());
    }

    @Test
    void aDesiredConfigNamingTheBackendBeingLeftWaitsAndStays() throws Exception {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicReference<List<String>> problems = new AtomicReference<>();
        Thread waiting = startAndLetItPark("desired-config",
                () -> problems.set(reloader.applyOverlay(new JsonObject().put("backend", "simulated"))), failed);
        assertTrue(waiting.isAlive(), "the desired config decided while the swap to flaky was opening");

        release.countDown();
        held.join(Await.PATIENCE.toMillis());
        waiting.join(Await.PATIENCE.toMillis());
        assertNull(failed.get());
        assertEquals(List.of(), problems.get());
        assertEquals("simulated", gateway.defaultBackend(), "the backend the config asked for last, after the swap");
        assertEquals("flaky", gateway.lastSwap().from());
    }

    @Test
    void aDesiredConfigNamingTheBackendBeingOpenedDoesNotOpenItTwice() throws Exception {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread waiting = startAndLetItPark("desired-config",
                () -> reloader.applyOverlay(new JsonObject().put("backend", "flaky")), failed);
        assertTrue(waiting.isAlive());

        release.countDown();
        held.join(Await.PATIENCE.toMillis());
        waiting.join(Await.PATIENCE.toMillis());
        assertNull(failed.get());
        assertEquals("flaky", gateway.defaultBackend());
        assertEquals(1, flaky.attempts.get(), "the swap in progress opened it; the config found it running");
        assertEquals("simulated", gateway.lastSwap().from(), "no second swap");
    }

    @Test
    void theApiIsRefusedAtOnceNamingTheSwapInProgress() throws Exception {
        HttpResponse<byte[]> r = running.client().http("PUT", "/api/config", new JsonObject().put("backend", "twin").encode());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(409, r.statusCode(), body);
        assertTrue(body.contains("'twin' not started") && body.contains("from 'simulated' to 'flaky'") && body.contains("in progress"), body);
        assertNull(gateway.runtimes().get("twin"), "nothing opened");
        assertEquals("flaky", gateway.lastSwap().to());

        release.countDown();
        held.join(Await.PATIENCE.toMillis());
        assertEquals("flaky", gateway.defaultBackend());
    }

    @Test
    void swapUnlessBusyRunsWhenNoSwapIsInProgress() throws Exception {
        release.countDown();
        held.join(Await.PATIENCE.toMillis());
        SwapRecord r = gateway.swapBackendUnlessBusy("twin");
        assertNull(r.error());
        assertEquals("twin", gateway.defaultBackend());
        flaky.hold = new CountDownLatch(1);
        Thread again = new Thread(() -> gateway.swapBackend("flaky"), "swap-to-flaky-again");
        again.start();
        try {
            Await.until(() -> flaky.attempts.get() == 2, Await.PATIENCE, () -> "the second swap to flaky to start opening");
            SwapInProgressException busy = assertThrows(SwapInProgressException.class,
                    () -> gateway.swapBackendUnlessBusy("simulated"));
            assertTrue(busy.getMessage().contains("from 'twin' to 'flaky'"), busy.getMessage());
        } finally {
            flaky.hold.countDown();
            again.join(Await.PATIENCE.toMillis());
        }
        assertEquals("flaky", gateway.defaultBackend());
    }
}
