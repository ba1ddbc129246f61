package io.posegate.gateway.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * Parses the text messages clients send on {@code /ws}. A pure function that never throws: every input
 * becomes a {@link ClientMessage}, and a bad one an {@link ClientMessage.Invalid} saying what was wrong.
 */
final class ClientMessages {
    static final int MAX_TEXT = 64 * 1024;
    static final int MAX_STREAMS = 1024;
    private static final String SUBSCRIBE_HELP = "subscribe needs \"streams\": a list of stream ids "
            + "(empty for all), e.g. {\"type\":\"subscribe\",\"streams\":[\"demo\"]}";

    private ClientMessages() {
    }

    static ClientMessage parse(String text) {
        if (text == null || text.isBlank()) {
            return new ClientMessage.Invalid("empty message; send a JSON object with a \"type\"");
        }
        if (text.length() > MAX_TEXT) {
            return new ClientMessage.Invalid("message of " + text.length() + " characters; the limit is " + MAX_TEXT);
        }
        JsonObject m;
        try {
            m = new JsonObject(text);
        } catch (RuntimeException e) {
            return new ClientMessage.Invalid("not a JSON object");
        }
        Object type = m.getValue("type");
        if ("subscribe".equals(type)) {
            return subscribe(m.getValue("streams"));
        }
        if ("auth".equals(type)) {
            Object token = m.getValue("token");
            return token instanceof String t && !t.isEmpty() ? new ClientMessage.Auth(t)
                    : new ClientMessage.Invalid("auth needs \"token\": a string, e.g. {\"type\":\"auth\",\"token\":\"pgt_…\"}");
        }
        return new ClientMessage.Invalid(type instanceof String ? "unknown message type '" + clip((String) type)
                + "'; known: [auth, subscribe]" : "message needs \"type\": one of [auth, subscribe]");
    }

    private static ClientMessage subscribe(Object streams) {
        if (!(streams instanceof JsonArray a)) {
            return new ClientMessage.Invalid(SUBSCRIBE_HELP);
        }
        if (a.size() > MAX_STREAMS) {
            return new ClientMessage.Invalid("subscribe lists " + a.size() + " streams; the limit is " + MAX_STREAMS);
        }
        Set<String> ids = new HashSet<>();
        for (Object o : a) {
            if (!(o instanceof String s)) {
                return new ClientMessage.Invalid(SUBSCRIBE_HELP + "; got a " + (o == null ? "null" : o.getClass().getSimpleName()));
            }
            ids.add(s);
        }
        return new ClientMessage.Subscribe(ids);
    }

    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
