package io.posegate.gateway.model;

import io.posegate.gateway.config.FieldReader;
import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.Decoders;
import io.posegate.grouping.decode.OutputRoles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the {@code output} section of a model descriptor and asks the chosen decoder which output
 * roles it needs, naming each missing one, and which it also reads when given (its optional roles); any
 * other role is an error.
 */
final class OutputSpecs {
    private OutputSpecs() {
    }

    static OutputSpec parse(FieldReader r, InputSpec input, Topology topology, DecoderSpec decoder) {
        r.onlyKnown("stride", "layout", "tensors");
        int stride = r.integer("stride", 8, 1, 64);
        TensorLayout layout = r.enumValue("layout", TensorLayout.class, TensorLayout.NCHW);
        FieldReader tensors = r.object("tensors");
        Map<String, TensorRef> refs = new LinkedHashMap<>();
        for (String role : tensors.raw().fieldNames()) {
            FieldReader t = tensors.object(role);
            t.onlyKnown("name", "channels", "scale", "zeroPoint");
            String tensorName = t.requiredString("name");
            int from = 0;
            int to = -1;
            float[] range = t.floats("channels", 2);
            if (range != null) {
                from = (int) range[0];
                to = (int) range[1];
                if (from < 0 || to <= from) {
                    t.error("channels", "must be [from, to) with 0 <= from < to, got [" + from + ", " + to + "]");
                }
            }
            float scale = (float) t.number("scale", 1.0);
            float zeroPoint = (float) t.number("zeroPoint", 0.0);
            if (tensorName != null) {
                refs.put(role, new TensorRef(tensorName, from, to, scale, zeroPoint));
            }
        }
        if (!decoder.name().isEmpty()) {
            List<String> roles = Decoders.roles(decoder.name());
            List<String> optional = Decoders.optionalRoles(decoder.name());
            for (String role : roles) {
                if (!refs.containsKey(role) && !tensors.has(role)) {  // given but broken: its own error says why
                    r.error("tensors." + role, "is required: decoder '" + decoder.name() + "' reads output roles " + roles);
                }
            }
            for (String role : refs.keySet()) {
                if (!roles.contains(role) && !optional.contains(role)) {
                    r.error("tensors." + role, "is not an output role of decoder '" + decoder.name() + "'; it reads " + roles
                            + (optional.isEmpty() ? "" : " and, when given, " + optional));
                }
            }
        }
        TensorRef hm = refs.get(OutputRoles.HEATMAPS);
        if (hm != null && hm.channelTo() >= 0 && topology != null && hm.channelTo() - hm.channelFrom() < topology.keypointCount()) {
            r.error("tensors.heatmaps.channels", "holds " + (hm.channelTo() - hm.channelFrom()) + " channels but the topology has "
                    + topology.keypointCount() + " keypoints");
        }
        return new OutputSpec(stride, layout == null ? TensorLayout.NCHW : layout, refs);
    }
}
