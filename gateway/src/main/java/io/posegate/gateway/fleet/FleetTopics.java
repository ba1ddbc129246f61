package io.posegate.gateway.fleet;

/**
 * The fleet's MQTT topic tree, all under {@value #ROOT} (version 1 of the tree and its payloads;
 * see docs/fleet.md). Ids and group names are single topic levels (no '/', '+' or '#').
 */
public final class FleetTopics {
    public static final String ROOT = "posegate/v1/";
    /** Payload schema version carried in every payload's {@code v}. */
    public static final int VERSION = 1;

    private FleetTopics() {
    }

    public static String status(String box) {
        return ROOT + "box/" + box + "/status";
    }

    public static String meta(String box) {
        return ROOT + "box/" + box + "/meta";
    }

    public static String metrics(String box) {
        return ROOT + "box/" + box + "/metrics";
    }

    public static String events(String box) {
        return ROOT + "box/" + box + "/events";
    }

    public static String poses(String box, String stream) {
        return ROOT + "box/" + box + "/cam/" + stream + "/poses";
    }

    public static String desired(String box) {
        return ROOT + "box/" + box + "/config/desired";
    }

    public static String groupDesired(String group) {
        return ROOT + "group/" + group + "/config/desired";
    }

    public static String reported(String box) {
        return ROOT + "box/" + box + "/config/reported";
    }

    public static String command(String box, String name) {
        return ROOT + "box/" + box + "/cmd/" + name;
    }

    /** Where a box replies when a command names no MQTT 5 response topic. */
    public static String commandReply(String box, String name) {
        return ROOT + "box/" + box + "/cmd/" + name + "/reply";
    }

    /** The hub's own retained state: one rollout per topic. */
    public static String rollout(String id) {
        return ROOT + "hub/rollouts/" + id;
    }

    /** Splits {@code posegate/v1/box/{id}/rest...} into {id, rest}, or null for other topics. */
    public static String[] boxTopic(String topic) {
        String prefix = ROOT + "box/";
        if (!topic.startsWith(prefix)) {
            return null;
        }
        int slash = topic.indexOf('/', prefix.length());
        if (slash < 0) {
            return null;
        }
        return new String[] {topic.substring(prefix.length(), slash), topic.substring(slash + 1)};
    }
}
