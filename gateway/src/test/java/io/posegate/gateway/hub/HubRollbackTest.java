package io.posegate.gateway.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Rollback restores what each box really ran before, whether that came over its own desired topic or its
 * group's: a box's last good config is tracked over both.
 */
class HubRollbackTest {
    private static final String ROOT = "posegate/v1/";
    private static final JsonObject GROUP_CONFIG = new JsonObject().put("backend", "onnxruntime");
    private static final JsonObject BOX_CONFIG = new JsonObject().put("backend", "openvino");
    private static final JsonObject NEW_CONFIG = new JsonObject().put("backend", "tensorrt");

    private final BoxTable table = new BoxTable();
    private final List<JsonObject> published = new ArrayList<>();
    private final AtomicLong versions = new AtomicLong(100);
    private final RolloutEngine engine = new RolloutEngine(table, new RolloutEngine.Publisher() {
        @Override
        public void desired(String kind, String name, long version, String rolloutId, JsonObject content) {
            published.add(new JsonObject().put("kind", kind).put("name", name).put("version", version).put("config", content));
        }

        @Override
        public long nextVersion() {
            return versions.incrementAndGet();
        }
    }, r -> { });

    @Test
    void rollbackOfABoxRolloutRestoresTheConfigTheBoxGotFromItsGroup() {
        box("a", "g");
        table.accept(ROOT + "group/g/config/desired", desired(10, GROUP_CONFIG));
        table.accept(ROOT + "box/a/config/reported", new JsonObject().put("version", 10).put("status", 200));

        Rollout r = start("a", "g", "box");
        published.clear();
        engine.rollback(r);
        assertEquals(List.of(new JsonObject().put("kind", "box").put("name", "a").put("version", 101L).put("config", GROUP_CONFIG)),
                published, "the group's config, which box a ran, not its config file");
    }

    @Test
    void rollbackOfAGroupRolloutRestoresEachBoxsOwnConfig() {
        box("a", "g");
        box("b", "g");
        table.accept(ROOT + "group/g/config/desired", desired(10, GROUP_CONFIG));
        table.accept(ROOT + "box/a/config/reported", new JsonObject().put("version", 10).put("status", 200));
        table.accept(ROOT + "box/b/config/desired", desired(11, BOX_CONFIG));
        table.accept(ROOT + "box/b/config/reported", new JsonObject().put("version", 11).put("status", 200));

        Rollout r = start(null, "g", "group");
        published.clear();
        engine.rollback(r);
        assertTrue(published.contains(new JsonObject().put("kind", "group").put("name", "g").put("version", 101L)
                .put("config", GROUP_CONFIG)), "the group gets its previous content back: " + published);
        assertTrue(published.contains(new JsonObject().put("kind", "box").put("name", "b").put("version", 102L)
                .put("config", BOX_CONFIG)), "box b gets its own config back, newer than the group's: " + published);
        assertEquals(2, published.size(), "box a follows the group's rollback: " + published);
    }

    @Test
    void aBoxWhoseLastGoodConfigWasUnknownFollowsTheGroupsRollback() {
        box("a", "g");
        table.accept(ROOT + "group/g/config/desired", desired(10, GROUP_CONFIG));

        Rollout r = start(null, "g", "group");
        published.clear();
        engine.rollback(r);
        assertEquals(List.of(new JsonObject().put("kind", "group").put("name", "g").put("version", 101L).put("config", GROUP_CONFIG)),
                published, "box a, not heard from when its wave went out, is not sent an empty config of its own");
    }

    private void box(String id, String group) {
        table.accept(ROOT + "box/" + id + "/status", new JsonObject().put("state", "online").put("bootSeq", 1));
        table.accept(ROOT + "box/" + id + "/meta", new JsonObject().put("groups", new JsonArray().add(group)));
    }

    private static JsonObject desired(long version, JsonObject config) {
        return new JsonObject().put("v", 1).put("version", version).put("config", config);
    }

    private Rollout start(String box, String group, String channel) {
        JsonObject target = box != null ? new JsonObject().put("box", box) : new JsonObject().put("group", group);
        RolloutSpec spec = RolloutSpec.parse(new JsonObject().put("target", target).put("config", NEW_CONFIG));
        Rollout r = Rollout.create("r-test", spec, List.of(RolloutBoxes.of(table, spec)), channel, 50);
        engine.start(r);
        return r;
    }
}
