package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.FlakyProvider;
import io.posegate.gateway.testing.GatewayTrees;
import io.posegate.gateway.testing.TestBackends;
import io.posegate.gateway.testing.TwinProvider;
import io.posegate.gateway.testing.WithReloadingGateway;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The fleet's {@code swap-backend} command ({@link Commands}) while another swap is opening: refused at once with 409
 * naming the swap in progress, nothing opened; the command worker is not held for the other swap's open. Once that swap
 * has finished, the same command (a new id) runs.
 */
class SwapBackendCommandBusyTest extends WithReloadingGateway {
    private static byte[] command(String id, String backend) {
        return new JsonObject().put("id", id).put("args", new JsonObject().put("backend", backend)).encode()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void swapBackendIsRefusedWhileAnotherSwapIsOpening() throws Exception {
        FlakyProvider flaky = new FlakyProvider();
        startGateway(GatewayTrees.demo(GatewayTrees.MODELS, "simulated", 5), TestBackends.simulatedAnd(flaky, new TwinProvider()));
        CountDownLatch release = new CountDownLatch(1);
        flaky.hold = release;
        Thread held = new Thread(() -> gateway.swapBackend("flaky"), "swap-to-flaky");
        held.start();
        Commands commands = new Commands(gateway, reloader, s -> null);
        try {
            Await.until(() -> flaky.attempts.get() == 1, Await.PATIENCE, () -> "the swap to flaky to start opening");
            JsonObject r = commands.run("swap-backend", command("c1", "twin"));
            assertEquals(409, r.getInteger("status"), r.encode());
            String error = r.getString("error");
            assertTrue(error.contains("'twin' not started") && error.contains("to 'flaky'") && error.contains("in progress"), error);
            assertNull(gateway.runtimes().get("twin"), "nothing opened");
        } finally {
            release.countDown();
            held.join(Await.PATIENCE.toMillis());
        }
        assertEquals("flaky", gateway.defaultBackend());
        JsonObject again = commands.run("swap-backend", command("c2", "twin"));
        assertEquals(200, again.getInteger("status"), again.encode());
        assertEquals("twin", gateway.defaultBackend());
    }
}
