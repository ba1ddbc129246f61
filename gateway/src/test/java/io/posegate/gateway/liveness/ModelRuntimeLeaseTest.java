package io.posegate.gateway.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.testing.Await;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime and its permit as one lease: retiring drains and closes, nothing blocks on a retired runtime, and expiry. */
class ModelRuntimeLeaseTest {
    static final Path MODELS = Path.of("..", "config", "models").toAbsolutePath().normalize();

    private final HangingBackendTestDouble backend = new HangingBackendTestDouble();
    private final ModelDescriptor descriptor = ModelDescriptors.resolve("demo-simulated", MODELS);
    private final ModelRuntime runtime = ModelRuntime.open(descriptor, backend, BackendOptions.empty());
    private final Tensor input = Tensor.allocate(descriptor.input().name(), ElementType.FLOAT32, descriptor.input().shape());

    @AfterEach
    void release() {
        backend.releaseHung();
        runtime.close();
    }

    @Test
    void aRetiredRuntimeDrainsTheRunInFlightThenClosesItsSession() throws Exception {
        RuntimeLease lease = runtime.lease();
        assertNotNull(lease);
        runtime.close();
        assertTrue(runtime.retired());
        assertFalse(runtime.sessionClosed(), "the session closed under an open lease");
        assertEquals(0, backend.closed());
        assertNull(runtime.lease(), "a retired runtime granted a new lease");
        lease.run(input).close();
        lease.close();
        assertTrue(runtime.sessionClosed(), "the drained runtime did not close its session");
        assertEquals(1, backend.closed());
        lease.close();
        assertEquals(1, backend.closed(), "closing a lease twice closed twice");
        assertEquals(0, backend.closedDuringRun());
    }

    @Test
    void aRetiredRuntimeWithNoRunInFlightClosesAtOnceAndAStaleWorkerGetsNoLeaseInsteadOfBlocking() throws Exception {
        runtime.close();
        assertTrue(runtime.sessionClosed());
        CompletableFuture<RuntimeLease> stale = CompletableFuture.supplyAsync(() -> {
            try {
                return runtime.lease();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertNull(stale.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aWorkerWaitingForAPermitOfARuntimeThatRetiresGetsNoneAndMovesOn() throws Exception {
        RuntimeLease held = runtime.lease();
        AtomicReference<Object> got = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                RuntimeLease l = runtime.lease();
                got.set(l == null ? "none" : l);
            } catch (InterruptedException e) {
                got.set(e);
            }
        }, "lease-waiter");
        waiter.start();
        Await.until(() -> waiter.getState() == Thread.State.WAITING, Await.PATIENCE, () -> "the waiter to wait for the permit");
        assertNull(got.get(), "a second lease was granted beyond the session's one concurrent run");
        runtime.close();
        Await.until(() -> got.get() != null, Await.PATIENCE, () -> "the waiter to give up on the retired runtime");
        assertEquals("none", got.get());
        held.close();
        assertTrue(runtime.sessionClosed());
    }

    @Test
    void anExpiredRunIsAbandonedAndItsSessionClosesOnlyAfterTheHungCallReturns() throws Exception {
        backend.hangNextRun();
        RuntimeLease lease = runtime.lease();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try (lease) {
                lease.run(input).close();
                outcome.set(new AssertionError("the hung run returned normally"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "hung-worker");
        worker.start();
        Await.until(() -> backend.hanging() == 1, Await.PATIENCE, () -> "the run to hang");
        assertTrue(lease.runningNanos(System.nanoTime()) >= 0);
        assertTrue(lease.expire("hung in test"));
        assertFalse(lease.expire("again"), "a lease expired twice");
        assertEquals("hung in test", runtime.poisoned());
        assertNull(runtime.lease(), "a poisoned runtime granted a lease");
        assertFalse(runtime.sessionClosed(), "the session was closed under its hung run");
        backend.releaseHung();
        worker.join(Await.PATIENCE.toMillis());
        assertTrue(outcome.get() instanceof RuntimeLease.Abandoned, "outcome: " + outcome.get());
        assertTrue(runtime.sessionClosed());
        assertEquals(0, backend.closedDuringRun());
    }

    @Test
    void expiringALeaseWithNoRunInProgressDoesNothing() throws Exception {
        try (RuntimeLease lease = runtime.lease()) {
            assertEquals(-1, lease.runningNanos(System.nanoTime()));
            assertFalse(lease.expire("idle"));
            lease.run(input).close();
            assertFalse(lease.expire("after the run"));
        }
        assertNull(runtime.poisoned());
        assertFalse(runtime.retired());
        try (RuntimeLease again = runtime.lease()) {
            assertNotNull(again);
        }
    }

    @Test
    void aClosedLeaseRefusesToRun() throws Exception {
        RuntimeLease lease = runtime.lease();
        lease.close();
        assertThrows(IllegalStateException.class, () -> lease.run(input));
    }
}
