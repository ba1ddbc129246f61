package io.posegate.gateway.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rollout requests: validated with every problem listed; waves are canary, the listed sizes, then doubling. */
class RolloutSpecTest {
    private static final List<String> TEN = IntStream.range(0, 10).mapToObj(i -> "b" + i).toList();

    @Test
    void wavesAreCanaryThenListedSizesThenDoubling() {
        RolloutSpec s = RolloutSpec.parse(body().put("canary", 1).put("waves", new JsonArray().add(2)));
        assertEquals(List.of(List.of("b0"), List.of("b1", "b2"), List.of("b3", "b4", "b5", "b6"), List.of("b7", "b8", "b9")), s.plan(TEN));
        RolloutSpec noCanary = RolloutSpec.parse(body().put("canary", 0));
        assertEquals(List.of(TEN), noCanary.plan(TEN), "no canary and no waves: one wave of everything");
        assertEquals(List.of(List.of("b0")), s.plan(List.of("b0")));
    }

    @Test
    void defaultsAreOneCanaryAndNoFailureTolerated() {
        RolloutSpec s = RolloutSpec.parse(body());
        assertEquals(1, s.canary());
        assertEquals(0, s.failureThreshold());
        assertEquals(10, s.soakSeconds());
    }

    @Test
    void everyProblemIsListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RolloutSpec.parse(new JsonObject()
                .put("target", new JsonObject().put("box", "a").put("group", "g")).put("waves", new JsonArray().add(0))
                .put("canary", -1).put("colour", "red")));
        String m = e.getMessage();
        assertTrue(m.contains("exactly one of"), m);
        assertTrue(m.contains("config: required"), m);
        assertTrue(m.contains("sizes must be positive"), m);
        assertTrue(m.contains("canary"), m);
        assertTrue(m.contains("colour: unknown field"), m);
    }

    private static JsonObject body() {
        return new JsonObject().put("target", new JsonObject().put("group", "g")).put("config", new JsonObject().put("backend", "onnx"));
    }
}
