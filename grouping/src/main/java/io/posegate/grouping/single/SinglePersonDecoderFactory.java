package io.posegate.grouping.single;

import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderFactory;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.OutputRoles;
import io.posegate.grouping.decode.PoseDecoder;
import java.util.List;
import java.util.Map;

/** Decoder {@code single-person}: one person from per-keypoint heatmaps (see {@link SinglePersonDecoder}). */
public final class SinglePersonDecoderFactory implements DecoderFactory {
    public static final String NAME = "single-person";
    static final List<String> ROLES = List.of(OutputRoles.HEATMAPS);

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
        return SinglePersonParams.defaults();
    }

    @Override
    public PoseDecoder create(Topology topology, DecoderParams params) {
        return new SinglePersonDecoder(topology, SinglePersonParams.from(params, topology.keypointCount()));
    }
}
