package io.posegate.gateway.hub;

import io.posegate.gateway.fleet.FleetTopics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Checks the value types of a fleet message before the hub reads it with typed getters, so that a malformed
 * message (say {@code "bootSeq":"3"}) is dropped with a clear reason instead of throwing later. Only the
 * fields the hub reads are checked; absent optional fields are fine.
 */
final class FleetPayloads {
    private FleetPayloads() {
    }

    /** What is wrong with {@code payload} on {@code topic}, or null when the hub can use it. */
    static String problem(String topic, JsonObject payload) {
        if (topic.startsWith(FleetTopics.rollout(""))) {
            return rollout(payload);
        }
        if (topic.startsWith(FleetTopics.ROOT + "group/")) {
            return desired(payload);
        }
        String[] parts = FleetTopics.boxTopic(topic);
        if (parts == null) {
            return null;
        }
        return switch (parts[1]) {
            case "status" -> first(field(payload, "state", String.class, false), field(payload, "bootSeq", Number.class, false));
            case "meta" -> first(field(payload, "groups", JsonArray.class, false), field(payload, "streams", JsonArray.class, false));
            case "metrics" -> objectOfObjects(payload, "streams", false);
            case "config/reported" -> first(field(payload, "version", Number.class, false),
                    field(payload, "status", Number.class, false));
            case "config/desired" -> desired(payload);
            default -> null;
        };
    }

    private static String desired(JsonObject p) {
        return first(field(p, "version", Number.class, false), field(p, "config", JsonObject.class, false));
    }

    private static String rollout(JsonObject p) {
        String problem = first(field(p, "id", String.class, true), field(p, "state", String.class, true),
                field(p, "channel", String.class, true), field(p, "version", Number.class, true),
                field(p, "createdAt", Number.class, true), field(p, "wave", Number.class, true),
                field(p, "failures", Number.class, true), field(p, "failureThreshold", Number.class, true),
                field(p, "soakSeconds", Number.class, true), field(p, "timeoutSeconds", Number.class, true),
                field(p, "rollbackVersion", Number.class, false), field(p, "target", JsonObject.class, true),
                field(p, "config", JsonObject.class, true), field(p, "previous", JsonObject.class, false),
                objectOfObjects(p, "boxes", true), plan(p));
        if (problem != null) {
            return problem;
        }
        for (String box : p.getJsonObject("boxes").fieldNames()) {
            JsonObject b = p.getJsonObject("boxes").getJsonObject(box);
            problem = first(field(b, "state", String.class, true), field(b, "sentAt", Number.class, false),
                    field(b, "okSince", Number.class, false), field(b, "previous", JsonObject.class, false),
                    field(b, "rollback", String.class, false), field(b, "rollbackVersion", Number.class, false));
            if (problem != null) {
                return "boxes." + box + ": " + problem;
            }
        }
        return null;
    }

    private static String plan(JsonObject p) {
        if (!(p.getValue("plan") instanceof JsonArray plan)) {
            return "field 'plan' must be an array of arrays of box ids";
        }
        for (Object wave : plan) {
            if (!(wave instanceof JsonArray)) {
                return "field 'plan' must be an array of arrays of box ids, got " + kind(wave) + " as a wave";
            }
        }
        return null;
    }

    private static String objectOfObjects(JsonObject p, String name, boolean required) {
        String problem = field(p, name, JsonObject.class, required);
        if (problem != null || p.getValue(name) == null) {
            return problem;
        }
        JsonObject o = p.getJsonObject(name);
        for (String key : o.fieldNames()) {
            if (!(o.getValue(key) instanceof JsonObject)) {
                return "field '" + name + "." + key + "' must be an object, got " + kind(o.getValue(key));
            }
        }
        return null;
    }

    private static String field(JsonObject p, String name, Class<?> type, boolean required) {
        Object v = p.getValue(name);
        if (v == null) {
            return required ? "field '" + name + "' is missing" : null;
        }
        return type.isInstance(v) ? null : "field '" + name + "' must be " + kind(type) + ", got " + kind(v);
    }

    private static String first(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String kind(Object value) {
        return value == null ? "null" : kind(value.getClass());
    }

    private static String kind(Class<?> type) {
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (JsonObject.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (JsonArray.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Boolean.class.equals(type) ? "a boolean" : type.getSimpleName();
    }
}
