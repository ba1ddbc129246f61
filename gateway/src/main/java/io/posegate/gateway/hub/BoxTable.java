package io.posegate.gateway.hub;

import io.posegate.gateway.fleet.FleetTopics;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Every box the hub has heard of, updated from the fleet's topics. Listeners hear of each update (box id,
 * topic kind) after the table has it: the rollout engine and the bench use them. Thread-safe.
 */
public final class BoxTable {
    private final Map<String, Box> boxes = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> groupDesired = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

    /** Takes one message from the fleet; returns false when the topic is not a box's. */
    public boolean accept(String topic, JsonObject payload) {
        if (topic.startsWith(FleetTopics.ROOT + "group/") && topic.endsWith("/config/desired")) {
            String g = topic.substring((FleetTopics.ROOT + "group/").length(), topic.length() - "/config/desired".length());
            groupDesired.put(g, payload);
            boxes.values().stream().filter(b -> b.inGroup(g)).forEach(b -> b.noteGood(groupDesiredOf(b)));
            return true;
        }
        String[] parts = FleetTopics.boxTopic(topic);
        if (parts == null) {
            return false;
        }
        Box b = boxes.computeIfAbsent(parts[0], Box::new);
        switch (parts[1]) {
            case "status" -> b.status(payload);
            case "meta" -> b.meta(payload);
            case "metrics" -> b.metrics(payload);
            case "events" -> b.event(payload);
            case "config/reported" -> b.reported(payload);
            case "config/desired" -> b.desired(payload);
            default -> {
                return false;
            }
        }
        if (!"metrics".equals(parts[1]) && !"events".equals(parts[1])) {
            b.noteGood(groupDesiredOf(b));
        }
        listeners.forEach(l -> l.accept(parts[0], parts[1]));
        return true;
    }

    /** The current desired message of each group {@code b} is in. */
    private List<JsonObject> groupDesiredOf(Box b) {
        List<JsonObject> out = new ArrayList<>();
        for (Object g : b.groups()) {
            JsonObject d = g instanceof String name ? groupDesired.get(name) : null;
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    public void listen(BiConsumer<String, String> listener) {
        listeners.add(listener);
    }

    Box box(String id) {
        return boxes.get(id);
    }

    JsonObject groupDesired(String group) {
        return groupDesired.get(group);
    }

    public int size() {
        return boxes.size();
    }

    /** Boxes sorted by id, optionally only of one group and/or state. */
    List<Box> list(String group, String state) {
        return boxes.values().stream()
                .filter(b -> group == null || b.inGroup(group))
                .filter(b -> state == null || state.equals(b.state()))
                .sorted(Comparator.comparing(b -> b.id)).toList();
    }

    /** A box's summary row, or null. */
    public JsonObject summary(String id) {
        Box b = boxes.get(id);
        return b == null ? null : b.summary();
    }
}
