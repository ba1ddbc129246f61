package io.posegate.grouping.paf;

import io.posegate.grouping.paf.Groupers;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderFamily;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.OutputRoles;
import io.posegate.grouping.decode.PoseDecoder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoder {@code paf}: heatmaps + Part Affinity Fields through one of the {@link Groupers} strategies.
 * Parameters: {@code strategy} ({@code openpose} by default, or {@code trt_pose}) and the
 * {@link GroupingParams} fields, each defaulting to the chosen strategy's default.
 */
public final class PafDecoderFactory extends DecoderFamily {
    public static final String NAME = "paf";
    private static final List<String> ROLES = List.of(OutputRoles.HEATMAPS, OutputRoles.PAFS);

    public PafDecoderFactory() {
        super(NAME, ROLES, defaults());
    }

    private static Map<String, Object> defaults() {
        GroupingParams d = GroupingParams.openPoseDefaults();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", "openpose");
        m.put("peakThreshold", d.peakThreshold());
        m.put("linkThreshold", d.linkThreshold());
        m.put("window", d.window());
        m.put("samples", d.samples());
        m.put("maxPeaks", d.maxPeaks());
        m.put("maxPeople", d.maxPeople());
        return Collections.unmodifiableMap(m);
    }

    @Override
    public PoseDecoder create(Topology topology, DecoderParams params) {
        params.requireKnown(NAME, parameterDefaults().keySet());
        String strategy = params.choice("strategy", "openpose", Groupers.STRATEGIES);
        GroupingParams d = strategy.equals("trt_pose") ? GroupingParams.trtPoseDefaults() : GroupingParams.openPoseDefaults();
        GroupingParams p = new GroupingParams(params.floatValue("peakThreshold", d.peakThreshold()),
                params.floatValue("linkThreshold", d.linkThreshold()), params.intValue("window", d.window()),
                params.intValue("samples", d.samples()), params.intValue("maxPeaks", d.maxPeaks()),
                params.intValue("maxPeople", d.maxPeople()));
        for (int i = 0; i < topology.limbs().size(); i++) {
            if (!topology.limbs().get(i).hasField()) {
                throw new IllegalArgumentException("decoder 'paf' needs PAF channels for every limb; topology "
                        + topology.name() + " limb " + i + " has none");
            }
        }
        return new PafDecoder(Groupers.create(strategy, topology, p), topology);
    }
}
