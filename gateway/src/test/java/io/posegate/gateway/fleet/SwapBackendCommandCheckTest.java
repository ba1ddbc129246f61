package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.testing.GatewayTrees;
import io.posegate.gateway.testing.TestBackends;
import io.posegate.gateway.testing.WithReloadingGateway;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet's {@code swap-backend} command ({@link Commands}, as the agent runs it for {@code box/{id}/cmd/swap-backend})
 * checks every model the new default would run: stream {@code b} runs the ONNX test model and follows the default, so
 * {@code twin} (simulated format only) is refused with 422 naming the stream and its model, and nothing is swapped.
 */
class SwapBackendCommandCheckTest extends WithReloadingGateway {
    @BeforeEach
    void start() throws Exception {
        GatewayTrees.writeDemoAndTestModels(dir);
        startGateway(GatewayTrees.withTestModelStream(dir, "auto"), TestBackends.simulatedOnnxAndTwin());
        running.awaitBound("b");
    }

    private static byte[] command(String id, String backend) {
        return new JsonObject().put("id", id).put("args", new JsonObject().put("backend", backend)).encode()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void swapBackendIsRefusedNamingTheStreamWhoseModelTheBackendCannotLoad() {
        Commands commands = new Commands(gateway, reloader, s -> null);
        ModelRuntime before = gateway.stream("b").runtime();
        JsonObject r = commands.run("swap-backend", command("c1", "twin"));
        assertEquals(422, r.getInteger("status"), r.encode());
        String error = r.getString("error");
        assertTrue(error.contains("stream b") && error.contains("'test'") && error.contains("twin") && error.contains("onnx"), error);
        assertEquals("auto", gateway.defaultBackend());
        assertNull(gateway.lastSwap(), "no swap was tried");
        assertSame(before, gateway.stream("b").runtime());

        JsonObject again = commands.run("swap-backend", command("c1", "twin"));
        assertEquals(Boolean.TRUE, again.getBoolean("duplicate"), "the same command id is answered, not run, again");
        assertNull(gateway.lastSwap());
    }
}
