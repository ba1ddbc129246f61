package io.posegate.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.pipeline.SwapRecord;
import io.posegate.gateway.testing.GatewayClient;
import io.posegate.gateway.testing.GatewayTrees;
import io.posegate.gateway.testing.TestBackends;
import io.posegate.gateway.testing.WithReloadingGateway;
import io.posegate.gateway.testing.TwinProvider;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A backend chosen at run time ({@code PUT /api/config}, as the dashboard's Switch does) holds across config
 * changes that leave the config's {@code backend} alone (a token added, a stream edited), and gives way when the
 * file's {@code backend} itself changes or a fleet desired config names one. Three backends (auto, simulated, and
 * a second simulated one called {@code twin}) so that each step's winner is visible.
 */
class RunTimeBackendChoiceTest extends WithReloadingGateway {
    private GatewayClient client;

    /** The file's tree with {@code backend} and a stream at {@code fps}. */
    private static JsonObject tree(String backend, int fps) {
        return GatewayTrees.demo(GatewayTrees.MODELS, backend, fps);
    }

    @BeforeEach
    void start() throws Exception {
        startGateway(tree("auto", 5), TestBackends.simulatedAnd(new TwinProvider()));
        client = running.client();
    }

    private void chooseAtRunTime(String backend) throws Exception {
        HttpResponse<byte[]> r = client.http("PUT", "/api/config", new JsonObject().put("backend", backend).encode());
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals(backend, gateway.defaultBackend());
    }

    @Test
    void aFileChangeThatLeavesBackendAloneKeepsTheRunTimeChoice() throws Exception {
        chooseAtRunTime("simulated");
        SwapRecord chosen = gateway.lastSwap();
        JsonObject withToken = tree("auto", 5).put("auth", new JsonObject().put("anonymous", "viewer"));
        reloader.apply(withToken);
        reloader.apply(tree("auto", 7));
        assertEquals(null, reloader.lastError());
        assertTrue(gateway.stream("a").spec().uri().contains("fps=7"), "the stream edit applied");
        assertEquals("simulated", gateway.defaultBackend(), "an unrelated file change undid the run-time choice");
        assertSame(chosen, gateway.lastSwap(), "no swap since the run-time one");
    }

    @Test
    void aFileChangeOfBackendItselfWins() throws Exception {
        chooseAtRunTime("simulated");
        reloader.apply(tree("twin", 5));
        assertEquals("twin", gateway.defaultBackend(), "the file's new backend");
        assertEquals("simulated", gateway.lastSwap().from());
        chooseAtRunTime("auto");
        reloader.apply(tree("twin", 9));
        assertEquals("auto", gateway.defaultBackend(), "the file's backend did not change again: the run-time choice holds");
    }

    @Test
    void aFleetDesiredConfigNamingBackendWinsEvenIfItNamesTheFilesOwn() throws Exception {
        chooseAtRunTime("simulated");
        assertEquals(List.of(), reloader.applyOverlay(new JsonObject().put("backend", "auto")));
        assertEquals("auto", gateway.defaultBackend());
        assertEquals("auto", reloader.intendedBackend(), "the backend the desired config set");
        chooseAtRunTime("twin");
        assertEquals(List.of(), reloader.applyOverlay(new JsonObject().put("streams",
                new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=3")))));
        assertEquals("twin", gateway.defaultBackend(), "a desired config without backend leaves the run-time choice");
        assertEquals("twin", reloader.intendedBackend(), "what a fleet soak checks: the run-time choice, not the file's auto");
    }
}
