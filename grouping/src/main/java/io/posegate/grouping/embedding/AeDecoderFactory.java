package io.posegate.grouping.embedding;

import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderFactory;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.OutputRoles;
import io.posegate.grouping.decode.PoseDecoder;
import java.util.List;
import java.util.Map;

/**
 * Decoder {@code associative-embedding}: bottom-up grouping by tag maps (HigherHRNet, EfficientHRNet); see
 * {@link AeDecoder}. Reads {@code heatmaps} and {@code tags}, and {@code nms_heatmaps} when the frame has it.
 */
public final class AeDecoderFactory implements DecoderFactory {
    public static final String NAME = "associative-embedding";
    /** The optional role: heatmaps already max-pool suppressed by the network. */
    public static final String NMS_HEATMAPS = OutputRoles.NMS_HEATMAPS;
    static final List<String> ROLES = List.of(OutputRoles.HEATMAPS, OutputRoles.TAGS);

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
        return AeParams.defaults();
    }

    @Override
    public PoseDecoder create(Topology topology, DecoderParams params) {
        return new AeDecoder(topology, AeParams.from(params));
    }
}
