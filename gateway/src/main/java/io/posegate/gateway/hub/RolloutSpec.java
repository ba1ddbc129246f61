package io.posegate.gateway.hub;

import io.posegate.gateway.config.FieldReader;
import io.posegate.gateway.config.FleetConfigs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/rollouts}, validated up front with every problem listed.
 *
 * @param box              target box id, or null
 * @param group            target group, or null (exactly one of box and group)
 * @param config           the desired config content ({@code backend}, {@code streams}); boxes validate it
 * @param canary           boxes in the first wave (0 = no canary)
 * @param waves            sizes of the following waves; past the list, each wave doubles the last
 * @param soakSeconds      how long every box of a wave must stay healthy after reporting 200
 * @param failureThreshold failed boxes tolerated; one more stops the rollout
 * @param timeoutSeconds   how long a box may take to report 200 before it counts as failed
 */
public record RolloutSpec(String box, String group, JsonObject config, int canary, List<Integer> waves, int soakSeconds,
                          int failureThreshold, int timeoutSeconds) {
    public RolloutSpec {
        waves = List.copyOf(waves);
    }

    /** @throws IllegalArgumentException listing every problem */
    public static RolloutSpec parse(JsonObject body) {
        List<String> errors = new ArrayList<>();
        FieldReader r = FieldReader.root(body, errors);
        r.onlyKnown("target", "config", "canary", "waves", "soakSeconds", "failureThreshold", "timeoutSeconds");
        FieldReader t = r.object("target");
        t.onlyKnown("box", "group");
        String box = t.string("box", null);
        String group = t.string("group", null);
        if ((box == null) == (group == null)) {
            errors.add("target: name exactly one of {\"box\": ID} or {\"group\": G}");
        }
        for (String n : new String[] {box, group}) {
            if (n != null && !n.matches(FleetConfigs.NAME)) {
                errors.add("target: '" + n + "' must be 1-64 letters, digits, '_', '.', '-'");
            }
        }
        if (!(body.getValue("config") instanceof JsonObject)) {
            errors.add("config: required, an object such as {\"backend\": \"openvino\"}");
        }
        List<Integer> waves = new ArrayList<>();
        JsonArray w = r.array("waves");
        if (w != null) {
            for (Object o : w) {
                if (o instanceof Integer i && i > 0) {
                    waves.add(i);
                } else {
                    errors.add("waves: sizes must be positive integers, got " + o);
                }
            }
        }
        RolloutSpec s = new RolloutSpec(box, group, body.getValue("config") instanceof JsonObject c ? c : new JsonObject(),
                r.integer("canary", 1, 0, 10_000), waves, r.integer("soakSeconds", 10, 0, 86_400),
                r.integer("failureThreshold", 0, 0, 100_000), r.integer("timeoutSeconds", 120, 1, 86_400));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid rollout: " + String.join("; ", errors));
        }
        return s;
    }

    /** Splits the target boxes into waves: canary, then the listed sizes, then doubling. */
    List<List<String>> plan(List<String> boxes) {
        List<List<String>> plan = new ArrayList<>();
        int i = 0;
        int size = canary;
        int next = 0;
        while (i < boxes.size()) {
            if (size > 0) {
                plan.add(List.copyOf(boxes.subList(i, Math.min(boxes.size(), i + size))));
                i += size;
            }
            size = next < waves.size() ? waves.get(next++) : Math.max(1, size == 0 ? boxes.size() - i : size * 2);
        }
        return plan;
    }
}
