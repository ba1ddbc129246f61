package io.posegate.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.posegate.gateway.testing.Await;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * The {@code stream} messages of {@code /ws} (docs/wire-format.md): a stream replaced by a {@code PUT} of the same id
 * sends {@code stopped} for the old source, then {@code starting} for the new one, then {@code live}; a stream added
 * later starts with {@code starting} too.
 */
class StreamStateMessagesTest {
    @Test
    void aReplacedStreamSendsStoppedThenStartingThenLive() throws Exception {
        try (UiGateway gateway = new UiGateway(UiGateway.demoConfig())) {
            Await.until(() -> "live".equals(phase(gateway, "demo")), Await.PATIENCE, () -> "demo live");
            BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
            WebSocket ws = gateway.webSocket("/ws", t -> messages.add(new JsonObject(t)));
            try {
                Await.next(messages, m -> "hello".equals(m.getString("type")), Await.PATIENCE, () -> "hello");
                put(gateway, "demo", "demo:?people=2&fps=15");
                assertEquals(List.of("stopped", "starting", "live"), phases(messages, "demo", "live"));
                put(gateway, "extra", "demo:?people=1&fps=5");
                assertEquals(List.of("starting", "live"), phases(messages, "extra", "live"));
            } finally {
                ws.close();
            }
        }
    }

    private static void put(UiGateway gateway, String id, String source) throws Exception {
        UiGateway.Reply r = gateway.request(HttpMethod.PUT, "/api/streams/" + id, new JsonObject().put("source", source));
        assertEquals(200, r.status(), r.text());
    }

    /** The phases of {@code stream}'s state messages, in order, up to and including {@code last}. */
    private static List<String> phases(BlockingQueue<JsonObject> messages, String stream, String last) throws Exception {
        List<String> seen = new ArrayList<>();
        Await.next(messages, m -> {
            if ("stream".equals(m.getString("type")) && stream.equals(m.getString("stream"))) {
                seen.add(m.getJsonObject("state").getString("phase"));
            }
            return last.equals(seen.isEmpty() ? null : seen.get(seen.size() - 1));
        }, Await.PATIENCE, () -> stream + " " + last + "; phases so far " + seen);
        return seen;
    }

    private static String phase(UiGateway gateway, String id) {
        try {
            return gateway.json("/api/streams/" + id).getJsonObject("state").getString("phase");
        } catch (Exception | AssertionError e) {
            return null;
        }
    }
}
