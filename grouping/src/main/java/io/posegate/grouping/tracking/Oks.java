package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * COCO's Object Keypoint Similarity between a pose and a track: the mean over keypoints present in
 * both of exp(-d^2 / (2 s^2 (2 sigma)^2)), where s^2 is the area of the track's keypoint bounding box
 * (at least 1). 0 when they share no keypoint.
 */
final class Oks {
    private Oks() {
    }

    static float between(Poses poses, int p, GreedyTrackTable tracks, int t, float[] sigmas) {
        int k = tracks.keypoints;
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int i = t * k; i < (t + 1) * k; i++) {
            if (tracks.seen[i]) {
                minX = Math.min(minX, tracks.xs[i]);
                maxX = Math.max(maxX, tracks.xs[i]);
                minY = Math.min(minY, tracks.ys[i]);
                maxY = Math.max(maxY, tracks.ys[i]);
            }
        }
        double area = Math.max(1.0, (double) (maxX - minX) * (maxY - minY));
        double sum = 0;
        int shared = 0;
        for (int j = 0; j < k; j++) {
            int at = t * k + j;
            if (!tracks.seen[at] || !poses.present(p, j)) {
                continue;
            }
            double dx = poses.x(p, j) - tracks.xs[at];
            double dy = poses.y(p, j) - tracks.ys[at];
            double var = 4.0 * sigmas[j] * sigmas[j];
            sum += Math.exp(-(dx * dx + dy * dy) / (2 * area * var));
            shared++;
        }
        return shared == 0 ? 0f : (float) (sum / shared);
    }
}
