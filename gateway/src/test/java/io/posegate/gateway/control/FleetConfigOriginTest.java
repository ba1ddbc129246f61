package io.posegate.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.GatewayTrees;
import io.posegate.gateway.testing.WithReloadingGateway;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Desired config from the fleet (hub rollouts, MQTT publishers) is not the trusted local file: the streams it
 * sets are held to the HTTP API's rules, refused up front by {@link ConfigChange#check} and, if applied, started
 * with the API's origin. Streams from the local file stay trusted.
 */
class FleetConfigOriginTest extends WithReloadingGateway {
    private Path fileMarker;

    @BeforeEach
    void startGatewayWithATrustedPipe() throws Exception {
        fileMarker = dir.resolve("file-pipe-ran");
        Files.createDirectory(dir.resolve("media"));
        Path file = Files.writeString(dir.resolve("gateway.yaml"), "http: {port: 0}\nmodel: demo-simulated\n"
                + "modelsDir: " + GatewayTrees.MODELS + "\nmedia: {dir: media}\nstreams:\n"
                + "  a: {source: 'demo:?fps=5'}\n"
                + "  local: {source: 'pipe:touch " + fileMarker + "; sleep 600'}\n");
        startGatewayFromFile(file);
    }

    @Test
    void aPipeStreamFromTheLocalFileStillRuns() throws Exception {
        assertEquals(SourceSpec.Origin.CONFIG_FILE, gateway.stream("local").spec().origin());
        Await.until(() -> Files.exists(fileMarker), Await.PATIENCE, () -> "the config file's pipe: command to run");
    }

    @Test
    void desiredStreamsWithACommandAreRefusedWithNothingStarted() throws Exception {
        Path fleetMarker = dir.resolve("fleet-pipe-ran");
        StreamPipeline aBefore = gateway.stream("a");
        JsonObject change = streams(new JsonObject()
                .put("a", new JsonObject().put("source", "demo:?fps=5"))
                .put("evil", new JsonObject().put("source", "pipe:touch " + fleetMarker)));

        ConfigChange.Verdict v = ConfigChange.check(change, reloader, gateway);

        assertEquals(400, v.status(), v.toString());
        assertEquals(List.of("stream evil: pipe: sources are accepted only from the local config file"
                + " (desired config is held to the HTTP API's rules)"), v.problems());
        assertNull(gateway.stream("evil"), "nothing is started");
        assertSame(aBefore, gateway.stream("a"), "nothing is touched");
        assertFalse(Files.exists(fleetMarker), "the command did not run");
    }

    @Test
    void desiredStreamsReachingInternalAddressesOrFilesOutsideTheMediaFolderAreRefused() {
        JsonObject metadata = streams(new JsonObject().put("m", new JsonObject().put("source", "http://169.254.169.254/latest/")));
        ConfigChange.Verdict internal = ConfigChange.check(metadata, reloader, gateway);
        assertEquals(400, internal.status(), internal.toString());
        assertTrue(internal.error().startsWith("stream m: source refused: its address is not allowed"), internal.error());

        JsonObject passwd = streams(new JsonObject().put("f", new JsonObject().put("source", "file:/etc/passwd")));
        ConfigChange.Verdict outside = ConfigChange.check(passwd, reloader, gateway);
        assertEquals(400, outside.status(), outside.toString());
        assertTrue(outside.error().startsWith("stream f: "), outside.error());

        JsonObject model = streams(new JsonObject().put("x", new JsonObject().put("source", "demo:")
                .put("modelFile", "/etc/passwd")));
        ConfigChange.Verdict modelFile = ConfigChange.check(model, reloader, gateway);
        assertEquals(400, modelFile.status(), modelFile.toString());
        assertTrue(modelFile.error().contains("streams.x.modelFile: from the API a model file must lie inside"), modelFile.error());
        assertNull(gateway.stream("m"));
        assertNull(gateway.stream("f"));
        assertNull(gateway.stream("x"));
    }

    @Test
    void appliedDesiredStreamsRunWithTheApiOriginAndReturnToTrustedWhenTheOverlayGoes() {
        StreamPipeline fileA = gateway.stream("a");
        JsonObject change = streams(new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=5")));
        assertTrue(ConfigChange.check(change, reloader, gateway).ok());

        assertEquals(List.of(), reloader.applyOverlay(change));

        StreamPipeline fleetA = gateway.stream("a");
        assertNotSame(fileA, fleetA, "the same entry under another origin is restarted");
        assertEquals(SourceSpec.Origin.API, fleetA.spec().origin());
        assertNull(gateway.stream("local"), "the overlay's streams replace the file's");

        assertEquals(List.of(), reloader.applyOverlay(new JsonObject()));
        assertEquals(SourceSpec.Origin.CONFIG_FILE, gateway.stream("a").spec().origin());
        assertEquals(SourceSpec.Origin.CONFIG_FILE, gateway.stream("local").spec().origin());
    }

    @Test
    void aCommandThatGetsPastTheCheckIsStillRefusedWhenApplied() {
        JsonObject change = streams(new JsonObject().put("evil", new JsonObject().put("source", "pipe:sleep 600")));
        List<String> problems = reloader.applyOverlay(change);
        assertEquals(List.of("stream evil: pipe: sources are accepted only from the local config file"), problems);
        assertNull(gateway.stream("evil"));
    }

    private static JsonObject streams(JsonObject streams) {
        return new JsonObject().put("streams", streams);
    }
}
