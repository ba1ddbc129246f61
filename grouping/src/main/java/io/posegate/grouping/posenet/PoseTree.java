package io.posegate.grouping.posenet;

/**
 * PoseNet's keypoint tree over COCO-17: 16 edges rooted at the nose. Displacement channel block e holds
 * edge e forward (parent to child); walking an edge backward (child to parent) reads the backward block.
 */
final class PoseTree {
    /** Number of keypoints. */
    static final int KEYPOINTS = 17;
    /** Number of edges. */
    static final int EDGES = 16;
    /** Edge e goes from PARENT[e] to CHILD[e] (COCO-17 indices), in the networks' channel order. */
    static final int[] PARENT = {0, 1, 0, 2, 0, 5, 7, 5, 11, 13, 0, 6, 8, 6, 12, 14};
    static final int[] CHILD = {1, 3, 2, 4, 5, 7, 9, 11, 13, 15, 6, 8, 10, 12, 14, 16};

    /**
     * Neighbours of each keypoint in the order Coral visits them: all forward edges (in edge order), then
     * all backward edges (in edge order). NEIGHBOUR_EDGE holds Coral's edge id: e for forward edge e,
     * EDGES + e for the backward walk of edge e.
     */
    static final int[][] NEIGHBOUR = new int[KEYPOINTS][];
    static final int[][] NEIGHBOUR_EDGE = new int[KEYPOINTS][];

    static {
        int[] count = new int[KEYPOINTS];
        for (int e = 0; e < EDGES; e++) {
            count[PARENT[e]]++;
            count[CHILD[e]]++;
        }
        for (int k = 0; k < KEYPOINTS; k++) {
            NEIGHBOUR[k] = new int[count[k]];
            NEIGHBOUR_EDGE[k] = new int[count[k]];
            count[k] = 0;
        }
        for (int edgeId = 0; edgeId < 2 * EDGES; edgeId++) {
            int e = edgeId % EDGES;
            int from = edgeId < EDGES ? PARENT[e] : CHILD[e];
            int to = edgeId < EDGES ? CHILD[e] : PARENT[e];
            NEIGHBOUR[from][count[from]] = to;
            NEIGHBOUR_EDGE[from][count[from]++] = edgeId;
        }
    }

    private PoseTree() {
    }
}
