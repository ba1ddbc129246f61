package io.posegate.gateway.e2e;

import io.posegate.gateway.testing.CapturedLog;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.security.RedactingLogFilter;
import io.posegate.gateway.testing.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * A config-file camera whose password holds characters that end a URL in free text (a quote, '&lt;', '&gt;', a
 * backtick, a space) and that cannot be reached: its password appears neither in {@code /ready} (open to
 * anyone), nor {@code /api/streams} (source and why it is down), nor {@code /ws} state messages, nor the log, though
 * FFmpeg's own message quotes the URL it could not open.
 */
class QuotedPasswordLeakTest {
    private static final String PASSWORD = "Qq\"Zz'Ww<Vv>Uu`Tt Ss";
    /** Pieces of the password long enough not to occur by chance. */
    private static final List<String> PIECES = List.of("Qq\"", "\"Zz", "Zz'", "'Ww", "Ww<", "<Vv", "Vv>", ">Uu", "Uu`", "`Tt", "Tt Ss");

    @Test
    void aPasswordWithQuotesAndSpacesLeaksNowhere() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CapturedLog log = CapturedLog.root();
        RedactingLogFilter.install();
        String source = "rtsp://admin:" + PASSWORD + "@127.0.0.1:" + closed + "/s";
        JsonObject config = new JsonObject().put("model", "demo-simulated")
                .put("sources", new JsonObject().put("allow", new JsonArray().add("127.0.0.1")))
                .put("streams", new JsonObject().put("cam", new JsonObject().put("source", source)));
        try (GatewayHarness gw = new GatewayHarness(config)) {
            BlockingQueue<JsonObject> ws = gw.connect();
            JsonObject failed = Await.next(ws, m -> "stream".equals(m.getString("type")) && "cam".equals(m.getString("stream"))
                    && m.getJsonObject("state").getString("reason") != null, Await.PATIENCE, () -> "cam's failure on /ws");
            Await.until(() -> reason(gw) != null, Await.PATIENCE, () -> "why cam is down: " + gw.streamsForDiagnosis());
            List<String> seen = new ArrayList<>();
            JsonObject streams = gw.get("/api/streams");
            JsonObject ready = gw.get("/ready");
            seen.add(failed.encode());
            seen.add(streams.encode());
            seen.add(gw.get("/api/streams/cam").encode());
            seen.add(ready.encode());
            ws.forEach(m -> seen.add(m.encode()));
            seen.addAll(log.lines());
            for (String text : seen) {
                for (String piece : PIECES) {
                    assertFalse(text.contains(piece) || text.contains(new JsonArray().add(piece).encode().replaceAll("^\\[\"|\"]$", "")),
                            "'" + piece + "' of the password leaked in: " + text);
                }
            }
            assertTrue(reason(gw).contains("Could not open input \"rtsp://admin:***@127.0.0.1:" + closed + "/s\""), reason(gw));
            assertTrue(streams.encode().contains("rtsp://admin:***@127.0.0.1:" + closed + "/s"), streams.encode());
            assertTrue(ready.encode().contains("cam"), ready.encode());
        } finally {
            log.close();
        }
    }

    /** Why {@code /api/streams/cam} says the camera is down (FFmpeg's message in it), or null. */
    private static String reason(GatewayHarness gw) {
        try {
            return gw.get("/api/streams/cam").getJsonObject("state").getString("reason");
        } catch (Exception e) {
            return null;
        }
    }
}
