package io.posegate.grouping.embedding;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.NonFinite;
import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.OutputRoles;

/** Open Model Zoo's {@code refine}: fills a person's missing keypoints from the maps. Stateless. */
final class Refiner {
    private Refiner() {
    }

    /**
     * For each keypoint of person {@code p} with score 0: the cell minimising
     * {@code (int) (|tag - poseTag| + 0.5) - |heat|} (first in raster order), taken if |heat| there is
     * positive, and moved a quarter cell toward the higher neighbour when not at the border.
     *
     * @throws IllegalArgumentException naming the first non-finite tag or heatmap cell of a channel whose chosen
     *                                  cell or neighbours hold one
     */
    static void refine(FeatureMap heat, FeatureMap tags, PoseTable poses, int p, float poseTag, Topology topology) {
        int keypoints = topology.keypointCount();
        int h = heat.height();
        int w = heat.width();
        for (int k = 0; k < keypoints; k++) {
            int i = p * keypoints + k;
            if (poses.val[i] > 0f) {
                continue;
            }
            int best = -1;
            float bestCost = Float.POSITIVE_INFINITY;
            java.nio.FloatBuffer tagData = tags.data();
            java.nio.FloatBuffer heatData = heat.data();
            int tagStride = tags.xStride();
            int heatStride = heat.xStride();
            int tagBase = tags.index(k, 0, 0);
            int heatBase = heat.index(k, 0, 0);
            for (int cell = 0; cell < h * w; cell++) {
                float cost = (float) (int) (Math.abs(tagData.get(tagBase + cell * tagStride) - poseTag) + 0.5f)
                        - Math.abs(heatData.get(heatBase + cell * heatStride));
                if (cost < bestCost || best < 0) {
                    bestCost = cost;
                    best = cell;
                }
            }
            // only the cell taken is checked: a NaN or infinite heat value wins (or, first, is never beaten) and a
            // NaN tag rounds to a finite cost, so a bad value the refinement would use is found here, for one
            // check per keypoint instead of one per cell
            if (!Float.isFinite(tagData.get(tagBase + best * tagStride)) || !Float.isFinite(heatData.get(heatBase + best * heatStride))) {
                NonFinite.requireFinite(tags, OutputRoles.TAGS, k, topology.keypoints().get(k));
                NonFinite.requireFinite(heat, OutputRoles.HEATMAPS, k, topology.keypoints().get(k));
            }
            int x = best % w;
            int y = best / w;
            float val = Math.abs(heat.get(k, y, x));
            if (val > 0f) {
                poses.x[i] = x;
                poses.y[i] = y;
                poses.val[i] = val;
                if (1 < x && x < w - 1 && 1 < y && y < h - 1) {
                    poses.x[i] += 0.25f * Math.signum(Math.abs(heat.get(k, y, x + 1)) - Math.abs(heat.get(k, y, x - 1)));
                    poses.y[i] += 0.25f * Math.signum(Math.abs(heat.get(k, y + 1, x)) - Math.abs(heat.get(k, y - 1, x)));
                    if (Float.isNaN(poses.x[i]) || Float.isNaN(poses.y[i])) { // a NaN neighbour
                        NonFinite.requireFinite(heat, OutputRoles.HEATMAPS, k, topology.keypoints().get(k));
                    }
                }
            }
        }
    }
}
