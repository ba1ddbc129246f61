package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Status, Last Will and boot counter with a real box process: SIGKILL shows the box offline at the hub (the
 * broker publishes its will) and a restarted box comes back online with a higher {@code bootSeq}; SIGSTOP
 * shows it offline too (the broker's keep-alive timeout, then the will) and SIGCONT brings it back with
 * the same {@code bootSeq}. Against mosquitto and against the hub's embedded HiveMQ CE. The time to
 * offline is logged (will delay 2 s, keep-alive 4 s here), not asserted.
 */
class FleetLivenessTest {
    private static final Logger LOG = Logger.getLogger(FleetLivenessTest.class.getName());

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mosquitto", "embedded"})
    void killedAndFrozenBoxesGoOfflineAndReturn(String brokerKind) throws Exception {
        try (FleetBroker broker = FleetBrokers.start(brokerKind, tmp.resolve("broker"));
             HubHarness hub = new HubHarness(broker.url())) {
            BoxProcess box = BoxProcess.start(tmp, "edge-1", broker.url(), List.of("lab"), null);
            try {
                JsonObject online = hub.awaitBox("edge-1", b -> "online".equals(b.getString("state")), "online");
                long boot = online.getLong("bootSeq");
                assertTrue(boot >= 1, "bootSeq counts starts from 1: " + online);

                long t0 = System.nanoTime();
                box.kill();
                JsonObject offline = hub.awaitBox("edge-1", b -> "offline".equals(b.getString("state")), "offline after SIGKILL");
                LOG.info(brokerKind + ": SIGKILL -> offline at the hub in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                assertEquals(boot, offline.getLong("bootSeq"), "the will carries the boot it belongs to");

                box.launch();
                JsonObject back = hub.awaitBox("edge-1", b -> "online".equals(b.getString("state")), "online after restart");
                assertEquals(boot + 1, back.getLong("bootSeq"), "a restarted box counts one more boot");

                long t1 = System.nanoTime();
                box.signal("STOP");
                hub.awaitBox("edge-1", b -> "offline".equals(b.getString("state")), "offline after SIGSTOP");
                LOG.info(brokerKind + ": SIGSTOP -> offline at the hub in " + (System.nanoTime() - t1) / 1_000_000 + " ms");
                box.signal("CONT");
                JsonObject resumed = hub.awaitBox("edge-1", b -> "online".equals(b.getString("state")), "online after SIGCONT");
                assertEquals(boot + 1, resumed.getLong("bootSeq"), "a frozen and resumed box is the same boot");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nbox log:\n" + box.log(), e);
            } finally {
                box.close();
            }
        }
    }
}
