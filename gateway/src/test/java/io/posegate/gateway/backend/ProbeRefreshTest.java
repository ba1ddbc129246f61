package io.posegate.gateway.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * When the registry's cached probes are refreshed: an unavailable one in the background once it is old (a runtime
 * installed while the gateway runs), every one of a backend on {@link BackendRegistry#refresh} (after an open loaded
 * its runtime); an available one is otherwise kept. The clock and the background thread are the test's.
 */
class ProbeRefreshTest {
    private static final ModelFormat FORMAT = ModelFormat.of("fake");

    /** A backend whose probe answer the test sets; counts its probes. */
    private static final class SettableProvider implements BackendProvider {
        final AtomicReference<Probe> answer = new AtomicReference<>(Probe.unavailable("runtime not installed", Set.of(FORMAT)));
        final AtomicInteger probes = new AtomicInteger();
        /** Run once inside the next probe, after its answer is read: something that lands while that probe runs. */
        final AtomicReference<Runnable> duringProbe = new AtomicReference<>();
        /** Thrown by the next probe instead of answering. */
        final AtomicReference<Error> throwNext = new AtomicReference<>();

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int priority() {
            return 100;
        }

        @Override
        public Set<ModelFormat> formats() {
            return Set.of(FORMAT);
        }

        @Override
        public Probe probe() {
            return probe(BackendOptions.empty());
        }

        @Override
        public Probe probe(BackendOptions options) {
            probes.incrementAndGet();
            Error error = throwNext.getAndSet(null);
            if (error != null) {
                throw error;
            }
            Probe a = answer.get();
            Runnable during = duringProbe.getAndSet(null);
            if (during != null) {
                during.run();
            }
            return a;
        }

        @Override
        public BackendSession open(ModelSpec model, BackendOptions options) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "not opened in this test");
        }
    }

    private final SettableProvider provider = new SettableProvider();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final BackendRegistry registry = new BackendRegistry(List.of(provider), nanos::get, background::add);

    private void advanceSeconds(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private static Probe available(String devices) {
        return Probe.available("runtime found", Set.of(FORMAT), List.of(), Map.of("devices", devices));
    }

    @Test
    void anUnavailableProbeIsProbedAgainInTheBackgroundOnceItIsOld() {
        assertFalse(registry.probe("fake").available());
        long retry = ProbeCache.RETRY_UNAVAILABLE.toSeconds();
        advanceSeconds(retry - 1);
        assertFalse(registry.probe("fake").available());
        assertTrue(background.isEmpty(), "not yet old enough to probe again");

        provider.answer.set(available("CPU"));  // installed while the gateway runs
        advanceSeconds(1);
        assertFalse(registry.probe("fake").available(), "the caller gets the cached probe while the new one runs");
        assertFalse(registry.probe("fake").available());
        assertEquals(1, provider.probes.get(), "the caller's thread does not probe again");
        assertEquals(1, background.size(), "one re-probe at a time");

        background.remove().run();
        assertEquals(2, provider.probes.get());
        assertTrue(registry.probe("fake").available(), "seen without a restart");
        assertEquals("fake", registry.select(BackendRegistry.AUTO, FORMAT).name());
    }

    @Test
    void anAvailableProbeIsKeptUntilAnOpenRefreshesIt() {
        provider.answer.set(available("listed after the runtime is loaded by the first open"));
        BackendRegistry withOptions = registry.configured(name -> Map.of("libraryPath", "/opt/runtime"));
        registry.probe("fake");
        withOptions.probe("fake");
        provider.answer.set(available("CPU,GPU.0"));  // what the loaded runtime reports
        advanceSeconds(3600);
        assertEquals("listed after the runtime is loaded by the first open", registry.probe("fake").details().get("devices"));
        assertTrue(background.isEmpty());
        assertEquals(2, provider.probes.get());

        withOptions.refresh("fake");
        assertEquals("CPU,GPU.0", withOptions.probe("fake").details().get("devices"));
        assertEquals("CPU,GPU.0", registry.probe("fake").details().get("devices"), "the backend's probes with other options too");
        assertEquals(4, provider.probes.get());
    }

    /**
     * A refresh (after an open) that lands while a background re-probe runs probed later: the background result, older,
     * must not overwrite it. Before, the background re-probe stored its result whatever had happened meanwhile.
     */
    @Test
    void aRefreshThatLandsDuringABackgroundReprobeIsKept() {
        assertFalse(registry.probe("fake").available());
        advanceSeconds(ProbeCache.RETRY_UNAVAILABLE.toSeconds());
        registry.probe("fake");
        assertEquals(1, background.size());
        provider.duringProbe.set(() -> {  // the background probe has read "not installed"; then an open refreshes
            provider.answer.set(available("CPU,GPU.0"));
            registry.refresh("fake");
        });

        background.remove().run();
        assertEquals(3, provider.probes.get(), "first, background, refresh");
        Probe kept = registry.probe("fake");
        assertTrue(kept.available(), "the refresh's probe is kept: " + kept);
        assertEquals("CPU,GPU.0", kept.details().get("devices"));
    }

    /**
     * A probe that throws an Error the registry does not turn into an unavailable probe: the background task neither
     * throws (which would end the {@code posegate-probe-refresh} thread) nor re-probes at once; the stale probe is
     * kept and tried again once it is old again. Before, the Error left the task.
     */
    @Test
    void anErrorInABackgroundReprobeIsLoggedAndTheStaleProbeKeptUntilItIsOldAgain() {
        Probe stale = registry.probe("fake");
        advanceSeconds(ProbeCache.RETRY_UNAVAILABLE.toSeconds());
        registry.probe("fake");
        provider.throwNext.set(new AssertionError("probe broke"));

        Runnable task = background.remove();
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(task::run);
        assertEquals(2, provider.probes.get());
        assertEquals(stale, registry.probe("fake"), "the stale probe is kept");
        assertTrue(background.isEmpty(), "not re-probed at once: the stale probe's time is fresh");

        provider.answer.set(available("CPU"));
        advanceSeconds(ProbeCache.RETRY_UNAVAILABLE.toSeconds());
        registry.probe("fake");
        assertEquals(1, background.size(), "tried again once old again");
        background.remove().run();
        assertTrue(registry.probe("fake").available());
    }
}
