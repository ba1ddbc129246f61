package io.posegate.grouping.posenet;

/**
 * Grows one pose from its root as Coral does: through a priority queue, the best decoded keypoint next,
 * along {@link PoseTree}'s edges forward and backward alike; each neighbour is reached by its edge's
 * mid-range displacement, refined by its own short offsets and scored at the refined position. Reads the
 * grids the decoder binds each frame; one thread at a time, no allocation.
 */
final class PoseGrower {
    private static final int K = PoseTree.KEYPOINTS;
    private static final int E = PoseTree.EDGES;
    private final Grid heat;
    private final Grid shortOffsets;
    private final Grid displacements;
    private final PoseNetParams params;
    private final PoseSlots slots;
    private final PartQueue growth = new PartQueue();
    private final boolean[] decoded = new boolean[K];
    private final float invStride;

    PoseGrower(Grid heat, Grid shortOffsets, Grid displacements, PoseNetParams params, PoseSlots slots) {
        this.heat = heat;
        this.shortOffsets = shortOffsets;
        this.displacements = displacements;
        this.params = params;
        this.slots = slots;
        this.invStride = 1f / params.outputStride();
        growth.reset(2 * E + 1);
    }

    /** Decodes slot {@code pose} from its root, best decoded keypoint first, along the tree's edges. */
    void grow(int pose, int rootId, float rootY, float rootX) {
        java.util.Arrays.fill(decoded, false);
        growth.reset(2 * E + 1);
        growth.push(heat.sample(rootId, rootY, rootX), rootId, rootY, rootX);
        while (!growth.isEmpty()) {
            int id = growth.topId();
            float y = growth.topY();
            float x = growth.topX();
            float score = growth.topScore();
            growth.pop();
            if (decoded[id]) {
                continue;
            }
            slots.setKeypoint(pose, id, y, x, score);
            decoded[id] = true;
            int[] neighbours = PoseTree.NEIGHBOUR[id];
            for (int j = 0; j < neighbours.length; j++) {
                int child = neighbours[j];
                if (!decoded[child]) {
                    displace(PoseTree.NEIGHBOUR_EDGE[id][j], child, y, x);
                }
            }
        }
    }

    /** Follows edge {@code edgeId}'s displacement from (y, x), refines by the child's short offsets, queues it. */
    private void displace(int edgeId, int child, float y, float x) {
        int dyChannel;
        if (edgeId < E) {
            dyChannel = edgeId;
        } else if (params.coralEdgeQuirk() && edgeId == E) {
            dyChannel = E;
        } else {
            dyChannel = E + edgeId;
        }
        int h = heat.height();
        int w = heat.width();
        float dy = displacements.sample(dyChannel, y, x);
        float dx = displacements.sample(E + dyChannel, y, x);
        y = Grid.clamp(y + dy * invStride, 0f, h - 1f);
        x = Grid.clamp(x + dx * invStride, 0f, w - 1f);
        for (int i = 0; i < params.refinementSteps(); i++) {
            float oy = shortOffsets.sample(child, y, x);
            float ox = shortOffsets.sample(K + child, y, x);
            y = Grid.clamp(y + oy * invStride, 0f, h - 1f);
            x = Grid.clamp(x + ox * invStride, 0f, w - 1f);
        }
        growth.push(heat.sample(child, y, x), child, y, x);
    }
}
