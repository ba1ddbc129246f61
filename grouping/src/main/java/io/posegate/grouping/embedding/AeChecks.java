package io.posegate.grouping.embedding;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topology;

/** Do a frame's heatmaps, tags and optional NMS'd heatmaps fit each other and the topology? */
final class AeChecks {
    private AeChecks() {
    }

    /** @throws IllegalArgumentException naming the first mismatch */
    static void check(Topology topology, FeatureMap heat, FeatureMap tags, FeatureMap nms, Poses out) {
        int k = topology.keypointCount();
        if (heat.channels() < k) {
            throw new IllegalArgumentException("associative-embedding heatmaps have " + heat.channels()
                    + " channels but topology " + topology.name() + " has " + k + " keypoints");
        }
        if (tags.channels() != k) {
            throw new IllegalArgumentException("associative-embedding tags must have one channel per keypoint ("
                    + k + "), got " + tags.channels());
        }
        same("tags", tags, heat);
        if (nms != null) {
            same("nms_heatmaps", nms, heat);
            if (nms.channels() < k) {
                throw new IllegalArgumentException("associative-embedding nms_heatmaps have " + nms.channels()
                        + " channels, fewer than the " + k + " keypoints");
            }
        }
        if (out.keypointCount() != k) {
            throw new IllegalArgumentException("poses hold " + out.keypointCount() + " keypoints but topology "
                    + topology.name() + " has " + k);
        }
    }

    private static void same(String role, FeatureMap m, FeatureMap heat) {
        if (m.height() != heat.height() || m.width() != heat.width()) {
            throw new IllegalArgumentException("associative-embedding " + role + " are " + m.height() + "x"
                    + m.width() + " but heatmaps are " + heat.height() + "x" + heat.width());
        }
    }
}
