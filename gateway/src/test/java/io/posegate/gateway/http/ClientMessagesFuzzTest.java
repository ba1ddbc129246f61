package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer on the {@code /ws} client-message parser. By default (regression mode) it replays the committed
 * corpus in {@code ClientMessagesFuzzTestInputs/parseNeverThrows}; with {@code JAZZER_FUZZ=1} it fuzzes for
 * at most {@code maxDuration}. Properties: never throws; an error names what was wrong in bounded text and
 * never leaks an exception's text; a subscribe round-trips through its JSON form; an auth carries a token.
 */
class ClientMessagesFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void parseNeverThrows(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ClientMessage m = ClientMessages.parse(text);
        assertNotNull(m);
        if (m instanceof ClientMessage.Invalid i) {
            assertFalse(i.reason().isBlank());
            assertTrue(i.reason().length() < 300, i.reason());
            // the reason may quote (clipped) what the client sent; beyond that it never carries an exception's text
            if (!text.contains("Exception")) {
                assertFalse(i.reason().contains("Exception"), i.reason());
            }
        } else if (m instanceof ClientMessage.Subscribe s) {
            String again = new JsonObject().put("type", "subscribe").put("streams", new JsonArray(java.util.List.copyOf(s.streams()))).encode();
            assertEquals(s, ClientMessages.parse(again));
        } else if (m instanceof ClientMessage.Auth a) {
            assertFalse(a.token().isEmpty());
            assertTrue(a.token().length() < 12 || !a.toString().contains(a.token()), "the token never shows in toString");
        }
    }
}
