package io.posegate.gateway.cli;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topology;
import io.posegate.grouping.trtpose.TrtPoseRaw;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The JSON formats of {@code posegate group}. */
final class GroupOutput {
    private GroupOutput() {
    }

    enum Format {
        TRT_POSE, PEOPLE, POSEGATE;

        static Format parse(String name) {
            for (Format f : values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown --format '" + name + "'; known: trt_pose, people, posegate");
        }
    }

    /** trt_pose's parse output: peak_counts [C], normalized_peaks [C][n][y, x], object_counts, objects [n][C]. */
    static JsonObject trtPose(TrtPoseRaw raw) {
        JsonArray counts = new JsonArray();
        JsonArray peaks = new JsonArray();
        for (int c = 0; c < raw.peakCounts().length; c++) {
            counts.add(raw.peakCounts()[c]);
            JsonArray channel = new JsonArray();
            for (float[] yx : raw.normalizedPeaks()[c]) {
                channel.add(new JsonArray().add(yx[0]).add(yx[1]));
            }
            peaks.add(channel);
        }
        JsonArray objects = new JsonArray();
        for (int[] object : raw.objects()) {
            JsonArray row = new JsonArray();
            for (int peak : object) {
                row.add(peak);
            }
            objects.add(row);
        }
        return new JsonObject().put("peak_counts", counts).put("normalized_peaks", peaks)
                .put("object_counts", raw.objects().length).put("objects", objects);
    }

    /** {"people": [{"score": s, "keypoints": [[x, y, score] or null, ...]}]} in heatmap pixels. */
    static JsonObject people(Poses poses) {
        JsonArray people = new JsonArray();
        for (int p = 0; p < poses.count(); p++) {
            JsonArray kps = new JsonArray();
            for (int k = 0; k < poses.keypointCount(); k++) {
                kps.add(poses.present(p, k) ? new JsonArray().add(poses.x(p, k)).add(poses.y(p, k)).add(poses.score(p, k)) : null);
            }
            people.add(new JsonObject().put("score", poses.personScore(p)).put("keypoints", kps));
        }
        return new JsonObject().put("people", people);
    }

    /**
     * The default format: the strategy, topology and heatmap size, and every person with named keypoints
     * (null when absent) whose coordinates are multiplied by {@code scale}.
     */
    static JsonObject posegate(Poses poses, Topology top, String strategy, FeatureMap hm, float scale) {
        JsonArray people = new JsonArray();
        for (int p = 0; p < poses.count(); p++) {
            JsonArray kps = new JsonArray();
            for (int k = 0; k < top.keypointCount(); k++) {
                kps.add(poses.present(p, k) ? new JsonObject().put("name", top.keypoints().get(k))
                        .put("x", poses.x(p, k) * scale).put("y", poses.y(p, k) * scale).put("score", poses.score(p, k)) : null);
            }
            people.add(new JsonObject().put("score", poses.personScore(p)).put("keypoints", kps));
        }
        return new JsonObject().put("strategy", strategy).put("topology", top.name()).put("height", hm.height())
                .put("width", hm.width()).put("scale", scale).put("people", people);
    }
}
