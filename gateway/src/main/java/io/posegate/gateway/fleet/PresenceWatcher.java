package io.posegate.gateway.fleet;

import static java.util.Objects.requireNonNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the people of pose frames into {@code events}: {@code person-entered} when a track id first shows in
 * a stream, {@code person-left} once it has not been seen for {@code graceMillis} (so a person hidden for a
 * moment, whom the tracker keeps as a lost track and finds again, does not leave and re-enter). Only people
 * with an id count: the tracker gives ids to confirmed tracks only, so fragments never enter. A stream that
 * goes away takes its people with it. Called on one thread (the agent's event loop).
 */
final class PresenceWatcher {
    private final long graceMillis;
    private final Consumer<JsonObject> sink;
    private final Map<String, Map<Long, Long>> lastSeen = new HashMap<>();

    PresenceWatcher(long graceMillis, Consumer<JsonObject> sink) {
        this.graceMillis = graceMillis;
        this.sink = requireNonNull(sink, "sink is null");
    }

    /** One pose frame of {@code stream} (the wire format's {@code poses} message), seen at {@code nowMillis}. */
    void frame(String stream, JsonObject poses, long nowMillis) {
        JsonArray people = poses.getJsonArray("people");
        if (people == null) {
            return;
        }
        Map<Long, Long> seen = lastSeen.computeIfAbsent(stream, s -> new HashMap<>());
        for (int i = 0; i < people.size(); i++) {
            Object id = people.getJsonObject(i).getValue("id");
            if (id instanceof Number n && seen.put(n.longValue(), nowMillis) == null) {
                sink.accept(new JsonObject().put("type", "person-entered").put("stream", stream).put("person", n.longValue()));
            }
        }
    }

    /** Reports the people unseen for longer than the grace period, and forgets streams not in {@code streams}. */
    void poll(Set<String> streams, long nowMillis) {
        for (Iterator<Map.Entry<String, Map<Long, Long>>> s = lastSeen.entrySet().iterator(); s.hasNext(); ) {
            Map.Entry<String, Map<Long, Long>> e = s.next();
            boolean gone = !streams.contains(e.getKey());
            for (Iterator<Map.Entry<Long, Long>> p = e.getValue().entrySet().iterator(); p.hasNext(); ) {
                Map.Entry<Long, Long> person = p.next();
                if (gone || nowMillis - person.getValue() > graceMillis) {
                    sink.accept(new JsonObject().put("type", "person-left").put("stream", e.getKey()).put("person", person.getKey()));
                    p.remove();
                }
            }
            if (gone) {
                s.remove();
            }
        }
    }
}
