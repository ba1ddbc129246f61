package io.posegate.gateway.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** COCO Object Keypoint Similarity between a ground-truth skeleton and a detected person. */
final class Oks {
    private Oks() {
    }

    /**
     * @param truth    [k] = {x, y} or null when not visible
     * @param person   a {@code people[]} entry of a pose frame
     * @param sigmas   per-keypoint sigma
     * @return OKS over the visible ground-truth keypoints (a missing detection counts 0)
     */
    static double of(float[][] truth, JsonObject person, float[] sigmas) {
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        int visible = 0;
        for (float[] p : truth) {
            if (p != null) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
                visible++;
            }
        }
        if (visible == 0) {
            return 0;
        }
        double area = Math.max(1, (maxX - minX) * (maxY - minY));
        JsonArray kps = person.getJsonArray("keypoints");
        double sum = 0;
        for (int k = 0; k < truth.length; k++) {
            if (truth[k] == null) {
                continue;
            }
            JsonObject kp = kps.getJsonObject(k);
            if (kp == null) {
                continue;
            }
            double dx = kp.getDouble("x") - truth[k][0];
            double dy = kp.getDouble("y") - truth[k][1];
            double kappa = 2 * sigmas[k];
            sum += Math.exp(-(dx * dx + dy * dy) / (2 * area * kappa * kappa));
        }
        return sum / visible;
    }

    static int visible(float[][] truth) {
        int n = 0;
        for (float[] p : truth) {
            if (p != null) {
                n++;
            }
        }
        return n;
    }
}
