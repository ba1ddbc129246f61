package io.posegate.gateway.model;

import io.posegate.grouping.paf.Groupers;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.decode.DecoderParams;

/** The PAF grouping strategy and parameters of a {@code paf} decoder section (for the {@code group} command). */
public record GroupingSpec(String strategy, GroupingParams params) {
    /** Reads them from a {@code paf} decoder's parameters, with the chosen strategy's defaults. */
    public static GroupingSpec of(DecoderParams p) {
        String strategy = p.choice("strategy", "openpose", Groupers.STRATEGIES);
        GroupingParams d = "trt_pose".equals(strategy) ? GroupingParams.trtPoseDefaults() : GroupingParams.openPoseDefaults();
        return new GroupingSpec(strategy, new GroupingParams(p.floatValue("peakThreshold", d.peakThreshold()),
                p.floatValue("linkThreshold", d.linkThreshold()), p.intValue("window", d.window()),
                p.intValue("samples", d.samples()), p.intValue("maxPeaks", d.maxPeaks()),
                p.intValue("maxPeople", d.maxPeople())));
    }
}
