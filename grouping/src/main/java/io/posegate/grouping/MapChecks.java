package io.posegate.grouping;

import static java.util.Objects.requireNonNull;

/** Validation shared by the strategies: do the maps fit the topology? */
public final class MapChecks {
    private MapChecks() {
    }

    /**
     * @throws IllegalArgumentException naming the first mismatch between the maps, the topology and
     *                                  {@code out}
     */
    public static void check(Topology topology, FeatureMap heatmaps, FeatureMap pafs, Poses out) {
        requireNonNull(heatmaps, "heatmaps is null");
        requireNonNull(pafs, "pafs is null");
        requireNonNull(out, "out is null");
        if (heatmaps.layout() != FeatureMap.Layout.CHW || pafs.layout() != FeatureMap.Layout.CHW) {
            throw new IllegalArgumentException("PAF grouping needs planar (CHW) maps; got heatmaps " + heatmaps.layout()
                    + ", pafs " + pafs.layout());
        }
        for (int i = 0; i < topology.limbs().size(); i++) {
            Limb limb = topology.limbs().get(i);
            if (!limb.hasField()) {
                throw new IllegalArgumentException("topology " + topology.name() + " limb " + limb.from() + "-"
                        + limb.to() + " has no PAF channels; PAF grouping needs them for every limb");
            }
        }
        if (heatmaps.channels() < topology.keypointCount()) {
            throw new IllegalArgumentException("heatmaps have " + heatmaps.channels() + " channels but topology "
                    + topology.name() + " has " + topology.keypointCount() + " keypoints");
        }
        if (pafs.channels() < topology.pafChannels()) {
            throw new IllegalArgumentException("pafs have " + pafs.channels() + " channels but topology "
                    + topology.name() + " needs " + topology.pafChannels());
        }
        if (pafs.height() != heatmaps.height() || pafs.width() != heatmaps.width()) {
            throw new IllegalArgumentException("pafs are " + pafs.height() + "x" + pafs.width()
                    + " but heatmaps are " + heatmaps.height() + "x" + heatmaps.width());
        }
        if (out.keypointCount() != topology.keypointCount()) {
            throw new IllegalArgumentException("poses hold " + out.keypointCount() + " keypoints but topology "
                    + topology.name() + " has " + topology.keypointCount());
        }
    }
}
