package io.posegate.grouping.single;

import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderFamily;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.OutputRoles;
import io.posegate.grouping.decode.PoseDecoder;
import java.util.List;

/** Decoder {@code single-person}: one person from per-keypoint heatmaps (see {@link SinglePersonDecoder}). */
public final class SinglePersonDecoderFactory extends DecoderFamily {
    public static final String NAME = "single-person";
    static final List<String> ROLES = List.of(OutputRoles.HEATMAPS);

    public SinglePersonDecoderFactory() {
        super(NAME, ROLES, SinglePersonParams.defaults());
    }

    @Override
    public PoseDecoder create(Topology topology, DecoderParams params) {
        return new SinglePersonDecoder(topology, SinglePersonParams.from(params, topology.keypointCount()));
    }
}
