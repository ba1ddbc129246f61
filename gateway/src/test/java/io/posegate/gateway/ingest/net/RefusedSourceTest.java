package io.posegate.gateway.ingest.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.FrameSink;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.ingest.SourceSupervisor;
import io.posegate.gateway.ingest.Sources;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import io.posegate.gateway.testing.Await;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The "retried forever": an API source whose host resolves to an internal address is failed at
 * once, with the generic refusal, and its thread ends; it is not reconnected with backoff.
 */
class RefusedSourceTest {
    @Test
    void aSourceRefusedByPolicyFailsForGoodInsteadOfRetrying() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver dns = host -> {
            lookups.incrementAndGet();
            return List.of(InetAddress.getByName("169.254.169.254"));
        };
        var factory = Sources.defaultFactory(IngestPolicy.defaults().withNetwork(NetworkPolicy.denyInternal().withResolver(dns)),
                new WebcamHub(WebcamLimits.defaults()));
        var source = factory.create(new SourceSpec("http://metadata.test/latest/meta-data/", SourceSpec.Origin.API, 0, 0, 0, Map.of()));
        List<SourceState> states = new CopyOnWriteArrayList<>();
        SourceSupervisor sup = new SourceSupervisor("probe", source, new DiscardingSink(),
                new SourceSupervisor.Backoff(Duration.ofMillis(10), Duration.ofMillis(20), Integer.MAX_VALUE), states::add);
        sup.start();
        Await.until(() -> sup.state().phase() == SourceState.Phase.FAILED, Await.PATIENCE, () -> "failed state, saw " + states);
        assertTrue(sup.awaitTermination(Await.PATIENCE), "the source thread ended instead of retrying");
        assertEquals(SourceAddressGuard.REFUSED, sup.state().reason());
        assertEquals(1, lookups.get(), "resolved once, never retried");
        assertTrue(states.stream().noneMatch(s -> s.phase() == SourceState.Phase.RECONNECTING), states.toString());
    }

    /** A sink that recycles everything (no frame is ever expected here). */
    private static final class DiscardingSink implements FrameSink {
        @Override
        public VideoFrame acquire() {
            return new VideoFrame();
        }

        @Override
        public void publish(VideoFrame frame) {
        }

        @Override
        public void recycle(VideoFrame frame) {
        }
    }
}
