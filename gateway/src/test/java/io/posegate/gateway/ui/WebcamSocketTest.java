package io.posegate.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.demo.DemoScene;
import io.posegate.gateway.testing.Await;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Binary JPEG messages on {@code /ws?webcam=NAME} feed the stream {@code webcam:NAME}; bad ones are answered with an error. */
class WebcamSocketTest {
    @Test
    void jpegMessagesBecomePoseFramesOfTheWebcamStream() throws Exception {
        // The stream path (JPEG -> model -> /ws) is under test here, not tracking: a new track is published only
        // once confirmed over several frames, which tracking tests (TrackerTest, eval-tracking) cover.
        JsonObject config = UiGateway.demoConfig().put("tracking", new JsonObject().put("enabled", false));
        try (UiGateway gateway = new UiGateway(config)) {
            UiGateway.Reply put = gateway.request(HttpMethod.PUT, "/api/streams/cam", new JsonObject().put("source", "webcam:cam"));
            assertEquals(200, put.status(), put.text());
            BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
            WebSocket ws = gateway.webSocket("/ws?webcam=cam", t -> messages.add(new JsonObject(t)));
            ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("streams", new io.vertx.core.json.JsonArray().add("cam")).encode());

            DemoScene scene = new DemoScene(640, 360, 3);
            JsonObject poses = null;
            for (int i = 0; i < 100 && poses == null; i++) {
                ws.writeBinaryMessage(Buffer.buffer(jpeg(scene.render(i), 640, 360)));
                for (JsonObject m = messages.poll(100, TimeUnit.MILLISECONDS); m != null; m = messages.poll()) {
                    if ("poses".equals(m.getString("type")) && "cam".equals(m.getString("stream"))
                            && !m.getJsonArray("people").isEmpty()) {
                        poses = m;
                    }
                }
            }
            assertTrue(poses != null, "no poses with people came back for the webcam stream");
            assertEquals(640, poses.getInteger("width"));
            assertEquals(360, poses.getInteger("height"));

            ws.writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3, 4}));
            JsonObject error = Await.next(messages, m -> "error".equals(m.getString("type")), Await.PATIENCE,
                    () -> "an error answering the refused frame");
            assertTrue(error.getString("message").startsWith("webcam frame refused: "), error.encode());
            assertEquals("webcam:cam", error.getString("stream"));

            // the browser goes away (tab closed): the stream is no longer reported live with no frames coming
            ws.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            Await.until(() -> phase(gateway).equals("reconnecting"), Await.PATIENCE, () -> "cam reconnecting, is " + phase(gateway));
            String reason = gateway.json("/api/streams/cam").getJsonObject("state").getString("reason");
            assertTrue(reason.contains("went away"), reason);
            assertEquals(200, gateway.status("/ready"), "a webcam waiting for its browser does not make the gateway unready");
            // a browser comes back to the same feed: live again
            WebSocket again = gateway.webSocket("/ws?webcam=cam", t -> { });
            for (int i = 0; i < 600 && !phase(gateway).equals("live"); i++) {
                again.writeBinaryMessage(Buffer.buffer(jpeg(scene.render(i), 640, 360)));
                Thread.sleep(100);
            }
            assertEquals("live", phase(gateway), "frames from a new socket bring the stream back");
        }
    }

    @Test
    void aWebcamStreamNoBrowserEverFedWaitsForOneAndLeavesTheGatewayReady() throws Exception {
        try (UiGateway gateway = new UiGateway(UiGateway.demoConfig().put("tracking", new JsonObject().put("enabled", false)))) {
            UiGateway.Reply put = gateway.request(HttpMethod.PUT, "/api/streams/cam", new JsonObject().put("source", "webcam:cam"));
            assertEquals(200, put.status(), put.text());
            Await.until(() -> phase(gateway).equals("reconnecting"), Await.PATIENCE, () -> "cam waiting for a browser, is " + phase(gateway));
            String reason = gateway.json("/api/streams/cam").getJsonObject("state").getString("reason");
            assertTrue(reason.contains("no browser is sending webcam:cam"), reason);
            Await.until(() -> gateway.status("/ready") == 200, Await.PATIENCE, () -> "/ready 200 with the demo live and cam waiting");
            WebSocket ws = gateway.webSocket("/ws?webcam=cam", t -> { });
            DemoScene scene = new DemoScene(640, 360, 3);
            for (int i = 0; i < 600 && !phase(gateway).equals("live"); i++) {
                ws.writeBinaryMessage(Buffer.buffer(jpeg(scene.render(i), 640, 360)));
                Thread.sleep(100);
            }
            assertEquals("live", phase(gateway), "a browser's frames bring the waiting stream live");
        }
    }

    @Test
    void aWebcamNameTheSocketCannotFeedIsRefused() throws Exception {
        try (UiGateway gateway = new UiGateway(UiGateway.demoConfig())) {
            UiGateway.Reply put = gateway.request(HttpMethod.PUT, "/api/streams/bad", new JsonObject().put("source", "webcam:bad name"));
            assertEquals(400, put.status(), put.text());
            assertTrue(put.text().contains("must match"), put.text());
        }
    }

    static String phase(UiGateway gateway) {
        try {
            return gateway.json("/api/streams/cam").getJsonObject("state").getString("phase");
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
    }

    static byte[] jpeg(byte[] bgr, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(bgr, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, w * h * 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }
}
