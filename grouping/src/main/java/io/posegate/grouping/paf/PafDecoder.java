package io.posegate.grouping.paf;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Grouper;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderInputs;
import io.posegate.grouping.decode.OutputRoles;
import io.posegate.grouping.decode.PoseDecoder;
import java.util.List;

/**
 * The PAF groupers behind the {@link PoseDecoder} contract. Planar maps go straight to the grouper, so
 * results equal {@link Grouper#group}'s; interleaved (HWC) maps are first copied into reusable planar
 * buffers. One thread at a time.
 */
final class PafDecoder implements PoseDecoder {
    private static final List<String> ROLES = List.of(OutputRoles.HEATMAPS, OutputRoles.PAFS);
    private final Grouper grouper;
    private final Topology topology;
    private final Planar heatmapCopy = new Planar();
    private final Planar pafCopy = new Planar();

    PafDecoder(Grouper grouper, Topology topology) {
        this.grouper = grouper;
        this.topology = topology;
    }

    @Override
    public String name() {
        return PafDecoderFactory.NAME;
    }

    @Override
    public Topology topology() {
        return topology;
    }

    @Override
    public List<String> roles() {
        return ROLES;
    }

    /** The underlying grouping strategy's name. */
    public String strategy() {
        return grouper.strategy();
    }

    @Override
    public void decode(DecoderInputs maps, Poses out) {
        FeatureMap heatmaps = heatmapCopy.of(maps.require(OutputRoles.HEATMAPS));
        FeatureMap pafs = pafCopy.of(maps.require(OutputRoles.PAFS));
        grouper.group(heatmaps, pafs, out);
    }
}
