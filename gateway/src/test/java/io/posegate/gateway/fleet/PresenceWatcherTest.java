package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code person-entered} / {@code person-left} events from pose frames, with a grace period for short misses. */
class PresenceWatcherTest {
    private final List<String> events = new ArrayList<>();
    private final PresenceWatcher watcher = new PresenceWatcher(2_000,
            e -> events.add(e.getString("type") + " " + e.getString("stream") + " " + e.getLong("person")));

    @Test
    void enteringAndLeavingWithAGraceForShortMisses() {
        watcher.frame("cam", frame(1L, 2L), 0);
        watcher.frame("cam", frame(1L, 2L, null), 100);      // a person without an id (tentative) never enters
        assertEquals(List.of("person-entered cam 1", "person-entered cam 2"), events);

        watcher.frame("cam", frame(1L), 1_000);              // 2 missed for a moment
        watcher.poll(Set.of("cam"), 1_500);
        watcher.frame("cam", frame(1L, 2L), 1_900);          // and back: no leave, no re-entry
        watcher.poll(Set.of("cam"), 3_000);
        assertEquals(2, events.size(), events.toString());

        watcher.frame("cam", frame(1L), 4_500);
        watcher.poll(Set.of("cam"), 4_500);                  // 2 unseen for 2.6 s
        assertEquals("person-left cam 2", events.get(2));
        watcher.frame("cam", frame(1L, 3L), 4_600);
        assertEquals("person-entered cam 3", events.get(3));
    }

    @Test
    void aStreamThatGoesAwayTakesItsPeopleWithIt() {
        watcher.frame("a", frame(7L), 0);
        watcher.frame("b", frame(7L), 0);
        watcher.poll(Set.of("b"), 10);
        assertEquals(List.of("person-entered a 7", "person-entered b 7", "person-left a 7"), events);
        watcher.frame("a", frame(7L), 20);                   // a new stream of that name starts afresh
        assertEquals("person-entered a 7", events.get(3));
    }

    private static JsonObject frame(Long... ids) {
        JsonArray people = new JsonArray();
        for (Long id : ids) {
            JsonObject p = new JsonObject().put("score", 1.0).put("keypoints", new JsonArray());
            if (id != null) {
                p.put("id", id);
            }
            people.add(p);
        }
        return new JsonObject().put("type", "poses").put("people", people);
    }
}
