package io.posegate.grouping.posenet;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topology;

/** Do a frame's three PoseNet maps fit each other and the COCO-17 tree? */
final class PoseNetChecks {
    private PoseNetChecks() {
    }

    /** @throws IllegalArgumentException naming the first mismatch */
    static void check(Topology topology, FeatureMap heatmaps, FeatureMap offsets, FeatureMap displacements, Poses out) {
        int k = PoseTree.KEYPOINTS;
        need("heatmaps", heatmaps, k, "one per keypoint");
        need("offsets", offsets, 2 * k, "dy then dx per keypoint");
        need("displacements", displacements, 4 * PoseTree.EDGES, "forward dy, dx, backward dy, dx per edge");
        sameSize("offsets", offsets, heatmaps);
        sameSize("displacements", displacements, heatmaps);
        if (out.keypointCount() != topology.keypointCount()) {
            throw new IllegalArgumentException("poses hold " + out.keypointCount() + " keypoints but topology "
                    + topology.name() + " has " + topology.keypointCount());
        }
    }

    private static void need(String role, FeatureMap m, int channels, String what) {
        if (m.channels() != channels) {
            throw new IllegalArgumentException("posenet " + role + " must have " + channels + " channels (" + what
                    + "), got " + m.channels());
        }
    }

    private static void sameSize(String role, FeatureMap m, FeatureMap heatmaps) {
        if (m.height() != heatmaps.height() || m.width() != heatmaps.width()) {
            throw new IllegalArgumentException("posenet " + role + " are " + m.height() + "x" + m.width()
                    + " but heatmaps are " + heatmaps.height() + "x" + heatmaps.width());
        }
    }
}
