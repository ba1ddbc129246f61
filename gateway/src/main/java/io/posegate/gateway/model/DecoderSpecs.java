package io.posegate.gateway.model;

import io.posegate.gateway.config.FieldReader;
import io.posegate.grouping.Limb;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.Decoders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a descriptor's {@code topology} (keypoints and the skeleton to draw, or {@code builtin}: the
 * name of one of the grouping module's {@link Topologies}) and {@code decoder} section (the decoder's
 * name and parameters). A PAF decoder's section also gives each skeleton edge
 * its field channels ({@code fields}) and the background heatmap channel ({@code background}); the
 * other keys are the decoder's own parameters, checked by the decoder itself.
 */
final class DecoderSpecs {
    record Parsed(Topology topology, DecoderSpec decoder) {
    }

    private DecoderSpecs() {
    }

    static Parsed parse(FieldReader t, FieldReader d, String modelName) {
        t.onlyKnown("name", "builtin", "keypoints", "skeleton");
        Topology topology = t.has("builtin") ? builtin(t, d, modelName) : listed(t, d, modelName);
        String name = d.string("name", null);
        if (name == null) {
            d.error("name", "is required: one of " + Decoders.names());
        } else if (!Decoders.names().contains(name)) {
            d.error("name", "unknown decoder '" + name + "'; known: " + Decoders.names());
            name = null;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : d.raw()) {
            if (!List.of("name", "fields", "background").contains(e.getKey())) {
                Object v = e.getValue();
                params.put(e.getKey(), v instanceof JsonArray a ? a.getList() : v instanceof JsonObject o ? o.getMap() : v);
            }
        }
        DecoderParams p = DecoderParams.of(params);
        if (name != null && topology.keypointCount() > 0) {
            try {
                Decoders.create(name, topology, p);
            } catch (IllegalArgumentException ex) {
                d.error("name", "decoder '" + name + "' refuses this descriptor: " + ex.getMessage());
            }
        }
        return new Parsed(topology, new DecoderSpec(name == null ? "" : name, p));
    }

    /**
     * {@code topology: {builtin: coco18_openpose}}: keypoints, skeleton, PAF fields and background of a
     * topology of the grouping module ({@link Topologies}), named {@code name} (default: the built-in's name).
     */
    private static Topology builtin(FieldReader t, FieldReader d, String modelName) {
        String id = t.string("builtin", "");
        Topology b = Topologies.named(id);
        if (b == null) {
            t.error("builtin", "unknown built-in topology '" + id + "'; known: " + Topologies.NAMES);
            return new Topology(modelName == null ? "topology" : modelName, List.of(), List.of(), -1);
        }
        for (String listed : List.of("keypoints", "skeleton")) {
            if (t.has(listed)) {
                t.error(listed, "must not be given with 'builtin' (the built-in topology '" + id + "' has them)");
            }
        }
        for (String listed : List.of("fields", "background")) {
            if (d.has(listed)) {
                d.error(listed, "must not be given with a built-in topology (topology '" + id + "' has them)");
            }
        }
        return new Topology(t.string("name", b.name()), b.keypoints(), b.limbs(), b.backgroundChannel());
    }

    /** A topology listed in the descriptor: its keypoints and skeleton, with the decoder's fields and background. */
    private static Topology listed(FieldReader t, FieldReader d, String modelName) {
        List<String> keypoints = new ArrayList<>();
        JsonArray kps = t.array("keypoints");
        if (kps == null || kps.isEmpty()) {
            t.error("keypoints", "is required: a list of keypoint names");
        } else {
            kps.forEach(k -> keypoints.add(String.valueOf(k)));
        }
        List<int[]> edges = pairs(t, "skeleton", keypoints.size(), true);
        List<int[]> fields = d.has("fields") ? pairs(d, "fields", Integer.MAX_VALUE, false) : List.of();
        if (!fields.isEmpty() && fields.size() != edges.size()) {
            d.error("fields", "gives " + fields.size() + " channel pairs for the " + edges.size() + " skeleton edges");
        }
        int background = d.has("background") ? d.integer("background", -1, 0, 4096) : -1;
        List<Limb> limbs = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            int[] e = edges.get(i);
            limbs.add(i < fields.size() ? new Limb(e[0], e[1], fields.get(i)[0], fields.get(i)[1]) : Limb.edge(e[0], e[1]));
        }
        return new Topology(t.string("name", modelName == null ? "topology" : modelName), keypoints, limbs, background);
    }

    /** A list of [a, b] whole-number pairs; for the skeleton, keypoint indices below {@code bound}. */
    private static List<int[]> pairs(FieldReader r, String field, int bound, boolean required) {
        List<int[]> out = new ArrayList<>();
        JsonArray a = r.array(field);
        if (a == null || a.isEmpty()) {
            if (required) {
                r.error(field, "is required: a list of [from, to] keypoint index pairs");
            }
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            Object o = a.getValue(i);
            if (!(o instanceof JsonArray p) || p.size() != 2 || !p.stream().allMatch(v -> v instanceof Integer)) {
                r.error(field + "[" + i + "]", "must be a pair of whole numbers, got " + o);
                continue;
            }
            int x = p.getInteger(0);
            int y = p.getInteger(1);
            if (x < 0 || y < 0 || x >= bound || y >= bound) {
                r.error(field + "[" + i + "]", (bound == Integer.MAX_VALUE ? "negative channel: "
                        : "keypoint index out of range 0.." + (bound - 1) + ": ") + p);
                continue;
            }
            out.add(new int[] {x, y});
        }
        return out;
    }
}
