package io.posegate.grouping.posenet;

import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderFactory;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.OutputRoles;
import io.posegate.grouping.decode.PoseDecoder;
import java.util.List;
import java.util.Map;

/** Decoder {@code posenet}: PoseNet multi-pose decoding (see {@link PoseNetDecoder}). */
public final class PoseNetDecoderFactory implements DecoderFactory {
    public static final String NAME = "posenet";
    static final List<String> ROLES = List.of(OutputRoles.HEATMAPS, OutputRoles.OFFSETS, OutputRoles.DISPLACEMENTS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> roles() {
        return ROLES;
    }

    @Override
    public Map<String, Object> parameterDefaults() {
        return PoseNetParams.defaults();
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
