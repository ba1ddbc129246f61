package io.posegate.gateway.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.posegate.gateway.fleet.FleetTopics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The hub's type checks on fleet messages, which decide whether a message is read or dropped with a reason. */
class FleetPayloadsTest {
    @Test
    void aStatusWithAStringBootCounterIsRefusedNamingTheField() {
        assertEquals("field 'bootSeq' must be a number, got a string", FleetPayloads.problem(FleetTopics.status("b1"),
                new JsonObject().put("state", "online").put("bootSeq", "3")));
        assertNull(FleetPayloads.problem(FleetTopics.status("b1"), new JsonObject().put("state", "online").put("bootSeq", 3)));
    }

    @Test
    void aRolloutWhoseBoxHasAStringRollbackVersionIsRefusedNamingTheBoxAndField() {
        JsonObject doc = rollout(new JsonObject().put("state", "sent").put("rollback", "sent").put("rollbackVersion", 7));
        assertNull(FleetPayloads.problem(FleetTopics.rollout("r1"), doc));
        doc.getJsonObject("boxes").getJsonObject("b1").put("rollbackVersion", "7");
        assertEquals("boxes.b1: field 'rollbackVersion' must be a number, got a string",
                FleetPayloads.problem(FleetTopics.rollout("r1"), doc));
        doc.getJsonObject("boxes").getJsonObject("b1").put("rollbackVersion", 7).put("rollback", 1);
        assertEquals("boxes.b1: field 'rollback' must be a string, got a number", FleetPayloads.problem(FleetTopics.rollout("r1"), doc));
    }

    private static JsonObject rollout(JsonObject box) {
        return new JsonObject().put("id", "r1").put("state", "rolled-back").put("channel", "box").put("version", 5)
                .put("createdAt", 1L).put("wave", 0).put("failures", 0).put("failureThreshold", 0).put("soakSeconds", 10)
                .put("timeoutSeconds", 60).put("rollbackVersion", 6).put("target", new JsonObject().put("box", "b1"))
                .put("config", new JsonObject()).put("boxes", new JsonObject().put("b1", box))
                .put("plan", new JsonArray().add(new JsonArray().add("b1")));
    }
}
