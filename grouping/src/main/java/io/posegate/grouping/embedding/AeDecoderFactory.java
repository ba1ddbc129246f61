package io.posegate.grouping.embedding;

import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderFamily;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.OutputRoles;
import io.posegate.grouping.decode.PoseDecoder;
import java.util.List;

/**
 * Decoder {@code associative-embedding}: bottom-up grouping by tag maps (HigherHRNet, EfficientHRNet); see
 * {@link AeDecoder}. Reads {@code heatmaps} and {@code tags}, and the optional role {@code nms_heatmaps} (heatmaps the
 * network already max-pooled, as Open Model Zoo's wrapper takes them when the model has such an output) when the
 * frame has it; otherwise it pools {@code heatmaps} itself with {@code nmsKernel}.
 */
public final class AeDecoderFactory extends DecoderFamily {
    public static final String NAME = "associative-embedding";
    /** The optional role: heatmaps already max-pool suppressed by the network. */
    public static final String NMS_HEATMAPS = OutputRoles.NMS_HEATMAPS;
    static final List<String> ROLES = List.of(OutputRoles.HEATMAPS, OutputRoles.TAGS);
    static final List<String> OPTIONAL_ROLES = List.of(NMS_HEATMAPS);

    public AeDecoderFactory() {
        super(NAME, ROLES, OPTIONAL_ROLES, AeParams.defaults());
    }

    @Override
    public PoseDecoder create(Topology topology, DecoderParams params) {
        return new AeDecoder(topology, AeParams.from(params));
    }
}
