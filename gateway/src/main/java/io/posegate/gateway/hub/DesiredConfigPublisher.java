package io.posegate.gateway.hub;

import io.posegate.gateway.fleet.FleetTopics;
import io.vertx.core.json.JsonObject;

/**
 * How a {@link FleetHub}'s rollouts publish desired config: retained, on the box's or the group's desired-config
 * topic, with versions from the hub's {@link FleetHub#nextVersion()}.
 */
final class DesiredConfigPublisher implements RolloutEngine.Publisher {
    private final FleetHub hub;

    DesiredConfigPublisher(FleetHub hub) {
        this.hub = hub;
    }

    @Override
    public void desired(String kind, String name, long version, String rolloutId, JsonObject content) {
        String topic = "group".equals(kind) ? FleetTopics.groupDesired(name) : FleetTopics.desired(name);
        hub.publish(topic, new JsonObject().put("v", FleetTopics.VERSION).put("version", version)
                .put("rolloutId", rolloutId).put("config", content), true);
    }

    @Override
    public long nextVersion() {
        return hub.nextVersion();
    }
}
