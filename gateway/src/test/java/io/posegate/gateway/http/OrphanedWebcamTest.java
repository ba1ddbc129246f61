package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.demo.DemoScene;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.testing.GatewayClient;
import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webcam stream the dashboard's page added ({@code PUT /api/streams/webcam-<hex>}) whose browser left without
 * deleting it is removed once no browser has fed it for {@code sources.webcamOrphanMs}; while a browser feeds it, it
 * stays. The decisions are driven with a synthetic clock ({@link OrphanedWebcams#driveBy}), so nothing here depends
 * on how fast the box is; one end-to-end test lets the real timer remove a stream and waits for it.
 */
class OrphanedWebcamTest {
    private static final int ORPHAN_MS = 400;
    private static final long ORPHAN = TimeUnit.MILLISECONDS.toNanos(ORPHAN_MS);
    private static final String PAGE = "webcam-0a1b2c3d";

    private final AtomicLong now = new AtomicLong();

    private static JsonObject config() {
        JsonObject streams = new JsonObject().put("demo", new JsonObject().put("source", "demo:?people=1&fps=5"))
                .put("cam", new JsonObject().put("source", "webcam:cam"));
        return UiGateway.demoConfig().put("streams", streams).put("tracking", new JsonObject().put("enabled", false))
                .put("sources", new JsonObject().put("webcamOrphanMs", ORPHAN_MS));
    }

    /** A gateway whose orphan checks run only when this test calls them, at the time {@link #now} says. */
    private UiGateway driven() throws Exception {
        UiGateway gateway = new UiGateway(config());
        orphans(gateway).driveBy(now::get);
        return gateway;
    }

    private static OrphanedWebcams orphans(UiGateway gateway) {
        return gateway.verticle().orphans();
    }

    /** Advances the synthetic clock to {@code t} and runs one check; the ids it removed. */
    private List<String> checkAt(UiGateway gateway, long t) throws Exception {
        now.set(t);
        return orphans(gateway).check(t).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static void put(UiGateway gateway, String id, String source) throws Exception {
        UiGateway.Reply put = gateway.request(HttpMethod.PUT, "/api/streams/" + id, new JsonObject().put("source", source));
        assertEquals(200, put.status(), put.text());
    }

    private static int status(UiGateway gateway, String id) {
        return gateway.status("/api/streams/" + id);
    }

    private static String metrics(UiGateway gateway) {
        try {
            return gateway.get("/metrics").text();
        } catch (Exception e) {
            return String.valueOf(e);
        }
    }

    /** Opens the page's socket and sends one frame, then waits until the gateway counts it as feeding. */
    private static WebSocket feed(UiGateway gateway, String feed) throws Exception {
        WebSocket ws = gateway.webSocket("/ws?webcam=" + feed, t -> { });
        DemoScene scene = new DemoScene(320, 180, 1);
        ws.writeBinaryMessage(Buffer.buffer(jpeg(scene.render(0), 320, 180)));
        Await.until(() -> gateway.verticle().webcams().feeders(feed) == 1, Await.PATIENCE, () -> "the socket feeds " + feed);
        return ws;
    }

    private static void close(UiGateway gateway, WebSocket ws, String feed) throws Exception {
        ws.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        Await.until(() -> gateway.verticle().webcams().feeders(feed) == 0, Await.PATIENCE, () -> "no socket feeds " + feed);
    }

    @Test
    void aPageStreamStaysWhileFedAndIsRemovedOnceUnfedForTheOrphanTime() throws Exception {
        try (UiGateway gateway = driven()) {
            put(gateway, PAGE, "webcam:" + PAGE);
            WebSocket ws = feed(gateway, PAGE);
            assertEquals(List.of(), checkAt(gateway, 10 * ORPHAN), "fed now, though added ten orphan times ago");
            assertEquals(200, status(gateway, PAGE));

            close(gateway, ws, PAGE);
            assertEquals(List.of(), checkAt(gateway, 11 * ORPHAN - 1), "unfed for just under the orphan time");
            assertEquals(200, status(gateway, PAGE));
            assertEquals(List.of(PAGE), checkAt(gateway, 11 * ORPHAN));
            assertEquals(404, status(gateway, PAGE));
            assertFalse(gateway.json("/api/streams").encode().contains(PAGE));
            assertEquals(200, status(gateway, "cam"), "the configured webcam stream, never fed, is not watched");
            assertEquals(0, orphans(gateway).size());
        }
    }

    @Test
    void aPageStreamNoBrowserEverFedIsRemovedAndAConfiguredOneIsNot() throws Exception {
        try (UiGateway gateway = driven()) {
            put(gateway, PAGE, "webcam:" + PAGE);
            assertEquals(List.of(), checkAt(gateway, ORPHAN - 1));
            assertEquals(List.of(PAGE), checkAt(gateway, ORPHAN));
            assertEquals(List.of(), checkAt(gateway, 100 * ORPHAN));
            assertEquals(200, status(gateway, "cam"));
            assertEquals(200, status(gateway, "demo"));
        }
    }

    @Test
    void aBrowserThatFedAfterTheDecisionKeepsTheStream() throws Exception {
        try (UiGateway gateway = driven()) {
            put(gateway, PAGE, "webcam:" + PAGE);
            now.set(ORPHAN);
            List<OrphanedWebcams.Decision> decided = orphans(gateway).decide(ORPHAN);
            assertEquals(1, decided.size(), "decided on the event loop");
            // before the control pool gets to it, a browser starts feeding (and here even leaves again)
            close(gateway, feed(gateway, PAGE), PAGE);
            List<String> removed = orphans(gateway).remove(decided).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(List.of(), removed, "checked again where the removal runs");
            assertEquals(200, status(gateway, PAGE));
            assertEquals(List.of(), checkAt(gateway, 2 * ORPHAN - 1), "fed at the check after the decision");
            assertEquals(List.of(PAGE), checkAt(gateway, 3 * ORPHAN), "still watched, removed once unfed again");
        }
    }

    @Test
    void removingAPageStreamClosesTheSocketsOfItsFeedSoThePageAddsItAgain() throws Exception {
        try (UiGateway gateway = driven()) {
            put(gateway, PAGE, "webcam:" + PAGE);
            SocketWatch page = SocketWatch.open(gateway, "/ws?webcam=" + PAGE); // opened, no frame sent yet
            SocketWatch viewer = SocketWatch.open(gateway, "/ws");
            page.awaitGreetedOrClosed(); // attached (linked to its feed) before the removal
            viewer.awaitGreetedOrClosed();
            assertEquals(1, gateway.verticle().webcams().links(PAGE));
            assertEquals(List.of(PAGE), checkAt(gateway, ORPHAN));
            page.awaitClosed();
            assertEquals((short) 1001, page.ws.closeStatusCode());
            assertEquals("the stream reading webcam:" + PAGE + " was removed", page.ws.closeReason(),
                    "closed by the removal, not refused at its attach");
            assertFalse(viewer.ws.isClosed(), "a socket that names no feed is not the page's");
            // what the page's WebcamLink does on reconnecting: the stream is gone (404), so it adds it again
            assertEquals(404, status(gateway, PAGE));
            put(gateway, PAGE, "webcam:" + PAGE);
            assertEquals(1, orphans(gateway).size(), "watched again");
        }
    }

    /**
     * The order the race fix relies on: the stream leaves the gateway's streams first, then its feed's sockets are
     * closed. A real socket attached at exactly that point (the test hook between the two) is closed: it finds no
     * stream reading its feed. Were the sockets closed first and the stream removed after, it would find the stream,
     * stay linked and stay open.
     */
    @Test
    void aSocketAttachingAfterTheStreamLeftButBeforeItsSocketsAreClosedIsClosed() throws Exception {
        try (UiGateway gateway = driven()) {
            put(gateway, PAGE, "webcam:" + PAGE);
            AtomicReference<SocketWatch> between = new AtomicReference<>();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            gateway.verticle().feedSockets().beforeDisconnect(feed -> {
                try { // on the control pool, under the gateway's lock: it may wait, the socket attaches on an event loop
                    SocketWatch w = SocketWatch.open(gateway, "/ws?webcam=" + feed);
                    between.set(w);
                    w.awaitGreetedOrClosed();
                } catch (Throwable t) {
                    failed.set(t);
                }
            });
            assertEquals(List.of(PAGE), checkAt(gateway, ORPHAN));
            assertNull(failed.get());
            SocketWatch w = between.get();
            assertNotNull(w, "the hook ran between the removal and the disconnect");
            w.awaitClosed();
            assertEquals((short) 1001, w.ws.closeStatusCode());
            assertEquals("no stream reads webcam:" + PAGE, w.ws.closeReason());
            assertEquals(List.of(), w.said, "refused: not greeted");
            assertEquals(0, gateway.verticle().webcams().links(PAGE), "nothing stays linked to the removed stream's feed");
        }
    }

    @Test
    void aConfiguredWebcamStreamReplacedThroughTheApiIsNeverRemoved() throws Exception {
        try (UiGateway gateway = driven()) {
            put(gateway, "cam", "webcam:cam");
            assertEquals(List.of(), checkAt(gateway, 10 * ORPHAN));
            assertEquals(200, status(gateway, "cam"), "cam is a stream of the config the gateway started with (no config"
                    + " reloader here: those count as managed), so the API's replacement is never removed");
            assertEquals(0, orphans(gateway).size());
        }
    }

    /**
     * Production wiring, as {@code GatewayLauncher.deployWatching} does it: the verticle asks the config reloader which
     * streams it manages. A page stream added through the API that a fleet desired config then takes over (same id,
     * held to the API's rules, so its origin stays API) is managed by the reloader and never removed; without the
     * wiring, the check would go by the start-up streams only and remove it.
     */
    @Test
    void aPageStreamTheConfigReloaderTakesOverIsNeverRemoved(@TempDir Path dir) throws Exception {
        try (UiGateway gateway = driven()) {
            GatewayVerticle v = gateway.verticle();
            JsonObject file = config().put("modelsDir", UiGateway.CONFIG_DIR.resolve("models").toString());
            Path yaml = Files.writeString(dir.resolve("gateway.yaml"), file.encode());
            ConfigReloader reloader = new ConfigReloader(gateway.vertx(), v.gateway(), new GatewayConfigLoader(gateway.vertx(), yaml),
                    Map.of());
            try {
                v.managedStreams(reloader::manages);
                reloader.fileTree(file);
                put(gateway, PAGE, "webcam:" + PAGE);
                assertEquals(1, orphans(gateway).size(), "watched from the PUT on");
                JsonObject streams = file.getJsonObject("streams").copy().put(PAGE, new JsonObject().put("source", "webcam:" + PAGE));
                assertEquals(List.of(), reloader.applyOverlay(new JsonObject().put("streams", streams)));
                assertTrue(reloader.manages(PAGE));
                assertEquals(SourceSpec.Origin.API, v.gateway().stream(PAGE).spec().origin(), "the fleet's streams keep the API's origin");
                // the overlay restarted it (a restart counts as added then), so check again an orphan time later too
                assertEquals(List.of(), checkAt(gateway, 10 * ORPHAN), "managed by the reloader: not removed");
                assertEquals(List.of(), checkAt(gateway, 20 * ORPHAN), "nor an orphan time later");
                assertEquals(200, status(gateway, PAGE));
                assertEquals(0, orphans(gateway).size(), "no longer watched");
            } finally {
                reloader.close();
            }
        }
    }

    /**
     * The page's race: it found its stream (200) just before the stream was removed, then opened its feeding socket
     * after the removal had closed the feed's sockets. That socket is closed at once (1001, naming the stream's
     * source), so the page reconnects, finds the stream gone and adds it again; the configured stream's socket is
     * left alone.
     */
    @Test
    void aFeedingSocketOpenedJustAfterItsStreamWasRemovedIsClosedNamingIt() throws Exception {
        try (UiGateway gateway = driven()) {
            List<String> camSaid = new java.util.concurrent.CopyOnWriteArrayList<>();
            WebSocket camPage = gateway.webSocket("/ws?webcam=cam", camSaid::add); // the configured stream cam's feed
            Await.until(() -> !camSaid.isEmpty(), Await.PATIENCE, () -> "cam's socket greeted");
            put(gateway, PAGE, "webcam:" + PAGE);
            assertEquals(200, status(gateway, PAGE), "the page checks its stream: still there");
            assertEquals(List.of(PAGE), checkAt(gateway, ORPHAN));

            SocketWatch late = SocketWatch.open(gateway, "/ws?webcam=" + PAGE);
            late.awaitGreetedOrClosed();
            assertEquals(0, gateway.verticle().webcams().links(PAGE), "not linked to a feed no stream reads");
            late.awaitClosed();
            assertEquals((short) 1001, late.ws.closeStatusCode());
            assertEquals("no stream reads webcam:" + PAGE, late.ws.closeReason());

            assertFalse(camPage.isClosed(), "another stream's socket is untouched");
            assertEquals(1, gateway.verticle().webcams().links("cam"));
            // what the page's WebcamLink does on that close: the stream is gone (404), it adds it again and reopens
            assertEquals(404, status(gateway, PAGE));
            put(gateway, PAGE, "webcam:" + PAGE);
            SocketWatch again = SocketWatch.open(gateway, "/ws?webcam=" + PAGE);
            again.awaitGreetedOrClosed();
            assertFalse(again.ws.isClosed(), "its stream exists again: the socket stays");
            assertEquals(1, gateway.verticle().webcams().links(PAGE));
        }
    }

    /**
     * Sockets attaching around a removal, interleaved with the test hooks: one opened after the removal was decided
     * but before it ran is closed by the removal; one opened after it ran is closed at its attach. A socket that
     * attached before the removal and is not the page's (the configured cam's) stays, as does a frame-less viewer.
     */
    @Test
    void everyFeedingSocketAttachedAroundARemovalIsClosed() throws Exception {
        try (UiGateway gateway = driven()) {
            put(gateway, PAGE, "webcam:" + PAGE);
            SocketWatch cam = SocketWatch.open(gateway, "/ws?webcam=cam");
            SocketWatch viewer = SocketWatch.open(gateway, "/ws");
            cam.awaitGreetedOrClosed();
            viewer.awaitGreetedOrClosed();

            now.set(ORPHAN);
            List<OrphanedWebcams.Decision> decided = orphans(gateway).decide(ORPHAN);
            assertEquals(1, decided.size());
            SocketWatch early = SocketWatch.open(gateway, "/ws?webcam=" + PAGE); // the stream still exists
            early.awaitGreetedOrClosed();
            assertEquals(1, gateway.verticle().webcams().links(PAGE), "attached while its stream exists");
            assertEquals(List.of(PAGE), orphans(gateway).remove(decided).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS));
            SocketWatch late = SocketWatch.open(gateway, "/ws?webcam=" + PAGE);
            late.awaitGreetedOrClosed();
            assertEquals(0, gateway.verticle().webcams().links(PAGE), "nothing stays linked to the removed stream's feed");

            early.awaitClosed();
            late.awaitClosed();
            assertEquals((short) 1001, early.ws.closeStatusCode());
            assertEquals("the stream reading webcam:" + PAGE + " was removed", early.ws.closeReason());
            assertEquals((short) 1001, late.ws.closeStatusCode());
            assertEquals("no stream reads webcam:" + PAGE, late.ws.closeReason());
            assertFalse(cam.ws.isClosed(), "the configured stream's socket stays");
            assertFalse(viewer.ws.isClosed(), "a socket that names no feed stays");
            assertEquals(1, gateway.verticle().webcams().links("cam"));
        }
    }

    /** A test client's socket: the text it was sent and whether it was closed. */
    private record SocketWatch(WebSocket ws, List<String> said) {
        static SocketWatch open(UiGateway gateway, String uri) throws Exception {
            List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
            return new SocketWatch(gateway.webSocket(uri, said::add), said);
        }

        /** Until the hub's greeting came (the gateway has attached the socket) or the socket closed. */
        void awaitGreetedOrClosed() throws InterruptedException {
            Await.until(() -> !said.isEmpty() || ws.isClosed(), Await.PATIENCE, () -> "greeted or closed");
        }

        void awaitClosed() throws InterruptedException {
            Await.until(ws::isClosed, Await.PATIENCE, () -> "closed");
        }
    }

    /** Only a socket that may feed (admin) is linked to the feed it names: a viewer's socket is not closed by a removal. */
    @Test
    void aViewersSocketNamingAFeedIsNotLinkedToIt() throws Exception {
        JsonObject secured = config().put("auth", SecuredGateway.auth("none"));
        try (UiGateway gateway = new UiGateway(secured)) {
            orphans(gateway).driveBy(now::get);
            GatewayClient admin = new GatewayClient(gateway.vertx(), gateway.port(), SecuredGateway.ADMIN.token());
            GatewayClient viewer = new GatewayClient(gateway.vertx(), gateway.port(), SecuredGateway.VIEWER.token());
            assertEquals(200, admin.http("PUT", "/api/streams/" + PAGE, new JsonObject().put("source", "webcam:" + PAGE).encode())
                    .statusCode());
            List<String> adminSaid = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<String> viewerSaid = new java.util.concurrent.CopyOnWriteArrayList<>();
            WebSocket page = admin.webSocket("/ws?webcam=" + PAGE, adminSaid::add);
            WebSocket wall = viewer.webSocket("/ws?webcam=" + PAGE, viewerSaid::add);
            // the hub greets a socket after the webcam link was (or was not) made
            Await.until(() -> !adminSaid.isEmpty() && !viewerSaid.isEmpty(), Await.PATIENCE, () -> "both sockets greeted");
            assertEquals(1, gateway.verticle().webcams().links(PAGE), "the admin's socket only");
            assertEquals(List.of(PAGE), checkAt(gateway, ORPHAN));
            Await.until(page::isClosed, Await.PATIENCE, () -> "the page's socket closed");
            assertFalse(wall.isClosed(), "the viewer's socket stays");
        }
    }

    /** A removed stream's feed that another running stream still reads keeps its sockets. */
    @Test
    void removingAStreamWhoseFeedAnotherStreamReadsClosesNoSocket() throws Exception {
        try (UiGateway gateway = driven()) {
            List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
            WebSocket camPage = gateway.webSocket("/ws?webcam=cam", said::add); // the configured stream cam's feed
            Await.until(() -> !said.isEmpty(), Await.PATIENCE, () -> "greeted");
            assertEquals(1, gateway.verticle().webcams().links("cam"));
            put(gateway, "cam-copy", "webcam:cam");
            assertEquals(List.of("cam-copy"), checkAt(gateway, ORPHAN));
            assertEquals(200, status(gateway, "cam"));
            assertEquals(1, gateway.verticle().webcams().links("cam"), "still linked: cam reads the feed");
            assertFalse(camPage.isClosed());
        }
    }

    @Test
    void aPageStreamRestartedUnderItsIdStaysWatched() throws Exception {
        try (UiGateway gateway = driven()) {
            put(gateway, PAGE, "webcam:" + PAGE);
            var g = gateway.verticle().gateway();
            StreamPipeline before = g.stream(PAGE);
            SourceSpec sp = before.spec();
            now.set(ORPHAN / 2);
            // as the fleet's restart-stream does: a new pipeline under the same id, without a PUT
            StreamPipeline after = g.addStream(new GatewayConfig.StreamConfig(PAGE, sp.uri(), sp.maxFps(), sp.width(),
                    sp.height(), null, sp.options()), sp.origin());
            assertNotSame(before, after);
            assertEquals(List.of(), checkAt(gateway, ORPHAN / 2), "counts as added at its restart");
            assertEquals(List.of(), checkAt(gateway, ORPHAN / 2 + ORPHAN - 1));
            assertEquals(List.of(PAGE), checkAt(gateway, ORPHAN / 2 + ORPHAN), "the restarted stream is still watched");
        }
    }

    @Test
    void endToEndTheTimerRemovesAnUnfedPageStream() throws Exception {
        try (UiGateway gateway = new UiGateway(config())) {
            put(gateway, PAGE, "webcam:" + PAGE);
            Await.until(() -> status(gateway, PAGE) == 404, Await.PATIENCE, () -> PAGE + " removed, never fed");
            assertFalse(metrics(gateway).contains("stream=\"" + PAGE + "\""), "its metrics went with it");
            assertEquals(200, status(gateway, "cam"));
        }
    }

    @Test
    void theOrphanTimeIsValidatedWithTheOtherKeys() {
        JsonObject bad = config().put("sources", new JsonObject().put("webcamOrphanMs", 50)).put("http", new JsonObject().put("port", -1));
        io.posegate.gateway.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.posegate.gateway.config.ConfigException.class,
                () -> io.posegate.gateway.config.GatewayConfigs.parse(bad, UiGateway.CONFIG_DIR));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("sources.webcamOrphanMs") && p.contains("50")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("http.port")), "every error is listed: " + e.problems());
        assertEquals(java.time.Duration.ZERO, io.posegate.gateway.config.GatewayConfigs.parse(
                config().put("sources", new JsonObject().put("webcamOrphanMs", 0)), UiGateway.CONFIG_DIR).sources().webcamOrphan());
        assertEquals(java.time.Duration.ofSeconds(60), io.posegate.gateway.config.GatewayConfigs.parse(
                UiGateway.demoConfig(), UiGateway.CONFIG_DIR).sources().webcamOrphan(), "the default");
    }

    private static byte[] jpeg(byte[] bgr, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(bgr, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, w * h * 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }
}
