package io.posegate.grouping.posenet;

import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderFamily;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.OutputRoles;
import io.posegate.grouping.decode.PoseDecoder;
import java.util.List;

/** Decoder {@code posenet}: PoseNet multi-pose decoding (see {@link PoseNetDecoder}). */
public final class PoseNetDecoderFactory extends DecoderFamily {
    public static final String NAME = "posenet";
    static final List<String> ROLES = List.of(OutputRoles.HEATMAPS, OutputRoles.OFFSETS, OutputRoles.DISPLACEMENTS);

    public PoseNetDecoderFactory() {
        super(NAME, ROLES, PoseNetParams.defaults());
    }

    @Override
    public PoseDecoder create(Topology topology, DecoderParams params) {
        if (topology.keypointCount() != PoseTree.KEYPOINTS) {
            throw new IllegalArgumentException("decoder 'posenet' decodes the 17 COCO keypoints; topology "
                    + topology.name() + " has " + topology.keypointCount());
        }
        return new PoseNetDecoder(topology, PoseNetParams.from(params));
    }
}
