package io.posegate.grouping.embedding;

/**
 * Open Model Zoo's {@code _match_by_tag}: keypoint types in the decoder's order; each type's candidates
 * above the detection threshold either start people (first type with any) or are assigned to people by
 * a minimum-cost matching on tag distance (reweighted by distance to each person's centre, rounded and
 * offset by the candidate's score), joining a person only when their tags are closer than the tag
 * threshold. Float precision follows NumPy's (tags float32, centres float64). One thread at a time.
 */
final class TagMatcher {
    /** Open Model Zoo's order for 17 COCO keypoints: hips before arms. */
    private static final int[] COCO17_ORDER = {0, 1, 2, 3, 4, 5, 6, 11, 12, 7, 8, 9, 10, 13, 14, 15, 16};
    private final AeParams params;
    private final int keypoints;
    private final int[] order;
    private final Lsap lsap = new Lsap();
    private final int[] rows;
    private float[] saved = new float[0];
    private float[] normed = new float[0];
    private double[] dists = new double[0];
    private double[] minDists = new double[0];
    private double[] cost = new double[0];

    TagMatcher(AeParams params, int keypoints) {
        this.params = params;
        this.keypoints = keypoints;
        this.order = new int[keypoints];
        for (int k = 0; k < keypoints; k++) {
            order[k] = keypoints == 17 ? COCO17_ORDER[k] : k;
        }
        this.rows = new int[params.maxPeople()];
    }

    void match(Candidates c, PoseTable poses) {
        poses.clear();
        int per = c.perType();
        for (int idx : order) {
            int n = 0;
            for (int j = 0; j < per; j++) {
                if ((double) c.vals[idx * per + j] > params.detectionThreshold()) {
                    rows[n++] = idx * per + j;
                }
            }
            if (poses.size() == 0) {
                for (int r = 0; r < n; r++) {
                    poses.create(idx, c.xs[rows[r]], c.ys[rows[r]], c.vals[rows[r]], c.tags[rows[r]]);
                }
                continue;
            }
            if (n == 0 || (params.ignoreTooMuch() && poses.size() == params.maxPeople())) {
                continue;
            }
            assign(c, poses, idx, n);
        }
    }

    private void assign(Candidates c, PoseTable poses, int idx, int n) {
        int grouped = poses.size();
        int cols = Math.max(n, grouped);
        grow(n * cols, grouped);
        for (int r = 0; r < n; r++) {
            for (int p = 0; p < grouped; p++) {
                float d = c.tags[rows[r]] - poses.poseTag[p];
                float norm = (float) Math.sqrt(d * d);
                saved[r * grouped + p] = norm;
                normed[r * grouped + p] = norm;
            }
        }
        if (params.distReweight()) {
            for (int p = 0; p < grouped; p++) {
                minDists[p] = Double.POSITIVE_INFINITY;
                for (int r = 0; r < n; r++) {
                    double dx = c.xs[rows[r]] - poses.cx[p];
                    double dy = c.ys[rows[r]] - poses.cy[p];
                    double d = Math.sqrt(dx * dx + dy * dy);
                    dists[r * grouped + p] = d;
                    minDists[p] = Math.min(minDists[p], d);
                }
            }
            for (int r = 0; r < n; r++) {
                for (int p = 0; p < grouped; p++) {
                    int i = r * grouped + p;
                    if (normed[i] < params.tagThreshold()) {
                        normed[i] = (float) (normed[i] * (dists[i] / (minDists[p] + 1e-10)));
                    }
                }
            }
        }
        for (int r = 0; r < n; r++) {
            for (int p = 0; p < cols; p++) {
                double v;
                if (p >= grouped) {
                    v = 1e10;
                } else if (params.useDetectionVal()) {
                    v = (double) ((float) Math.rint(normed[r * grouped + p]) * 100f) - c.vals[rows[r]];
                } else {
                    v = normed[r * grouped + p];
                }
                cost[r * cols + p] = v;
            }
        }
        lsap.solve(cost, n, cols);
        for (int r = 0; r < n; r++) {
            int col = lsap.columnOf(r);
            int cand = rows[r];
            if (col < grouped && saved[r * grouped + col] < params.tagThreshold()) {
                poses.add(col, idx, c.xs[cand], c.ys[cand], c.vals[cand], c.tags[cand]);
            } else {
                poses.create(idx, c.xs[cand], c.ys[cand], c.vals[cand], c.tags[cand]);
            }
        }
    }

    private void grow(int cells, int grouped) {
        if (cost.length < cells) {
            cost = new double[cells];
            saved = new float[cells];
            normed = new float[cells];
            dists = new double[cells];
        }
        if (minDists.length < grouped) {
            minDists = new double[Math.max(grouped, 2 * minDists.length)];
        }
    }
}
