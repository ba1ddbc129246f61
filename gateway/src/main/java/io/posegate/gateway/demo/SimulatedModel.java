package io.posegate.gateway.demo;

import io.posegate.grouping.Limb;
import io.posegate.grouping.Topology;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The "weights" of the simulated network, read from a {@code .sim.json} file such as
 * {@code config/models/demo.sim.json}: which colour code marks joints, the input name and colour
 * order, the output stride, the Gaussian sigma and limb width of the rendered targets (in map pixels),
 * the skeleton with each limb's PAF channels, and the output names. Immutable.
 *
 * @param inputName       the input tensor's name
 * @param rgb             true if input channel 0 is red (RGB), false if it is blue (BGR)
 * @param stride          input pixels per output map pixel
 * @param code            the joint colour code
 * @param minMarkerPixels fewest pixels of one code that count as a joint
 * @param sigma           Gaussian sigma of the keypoint peaks, in map pixels
 * @param limbWidth       half width of a limb's field, in map pixels
 * @param topology        keypoints, limbs with PAF channels, background channel
 * @param pafChannels     channels of the PAF output (at least the highest channel a limb names, plus one)
 * @param heatmaps        name of the heatmap output
 * @param pafs            name of the PAF output
 */
record SimulatedModel(String inputName, boolean rgb, int stride, MarkerCode code, int minMarkerPixels, float sigma,
                      float limbWidth, Topology topology, int pafChannels, String heatmaps, String pafs) {
    /** Heatmap channels: one per keypoint, plus the background when the topology has one. */
    int heatmapChannels() {
        return Math.max(topology.keypointCount(), topology.backgroundChannel() + 1);
    }

    /**
     * Reads a model file.
     *
     * @throws BackendException {@link ErrorCode#MODEL_NOT_FOUND} naming the file when it cannot be read,
     *                          {@link ErrorCode#MODEL_INVALID} naming the file and field when it is wrong
     */
    static SimulatedModel load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BackendException(ErrorCode.MODEL_NOT_FOUND, "simulated model file " + file + " cannot be read: " + e, e);
        }
        try {
            return parse(file.toString(), MiniJson.parse(text));
        } catch (IllegalArgumentException e) {
            throw new BackendException(ErrorCode.MODEL_INVALID, "invalid simulated model " + file + ": " + e.getMessage(), e);
        }
    }

    private static SimulatedModel parse(String file, Object json) {
        JsonFields root = new JsonFields(file, "", json);
        if (!root.string("format").equals("posegate-simulated-network")) {
            throw root.bad("format", "\"posegate-simulated-network\"");
        }
        JsonFields input = root.object("input");
        String order = input.string("colorOrder");
        if (!order.equals("RGB") && !order.equals("BGR")) {
            throw input.bad("colorOrder", "\"RGB\" or \"BGR\"");
        }
        JsonFields topo = root.object("topology");
        List<String> keypoints = new ArrayList<>();
        for (Object k : topo.list("keypoints")) {
            if (!(k instanceof String s)) {
                throw topo.bad("keypoints", "an array of names");
            }
            keypoints.add(s);
        }
        JsonFields mc = root.object("markerCode");
        MarkerCode code;
        try {
            code = new MarkerCode(mc.integer("blue", 0, 255), mc.integer("redBase", 0, 255),
                    mc.integer("redStep", 1, 255), mc.integer("greenBase", 0, 255), mc.integer("greenStep", 1, 255),
                    mc.integer("tolerance", 0, 64), keypoints.size(), mc.integer("slots", 1, 256));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(file) ? e : new IllegalArgumentException(file + ": 'markerCode': " + e.getMessage());
        }
        List<Limb> limbs = new ArrayList<>();
        int pafChannels = root.integer("pafChannels", 2, 4096);
        for (int i = 0; i < topo.list("limbs").size(); i++) {
            JsonFields l = topo.element("limbs", i);
            int max = keypoints.size() - 1;
            limbs.add(new Limb(l.integer("from", 0, max), l.integer("to", 0, max),
                    l.integer("pafX", 0, pafChannels - 1), l.integer("pafY", 0, pafChannels - 1)));
        }
        int bg = topo.integer("backgroundChannel", -1, keypoints.size());
        if (bg >= 0 && bg != keypoints.size()) {
            throw topo.bad("backgroundChannel", "-1 or " + keypoints.size() + " (after the keypoints)");
        }
        Topology topology = new Topology(topo.string("name"), keypoints, limbs, bg);
        JsonFields outputs = root.object("outputs");
        return new SimulatedModel(input.string("name"), order.equals("RGB"), root.integer("stride", 1, 64), code,
                root.integer("minMarkerPixels", 1, 10_000), root.positive("sigma"), root.positive("limbWidth"),
                topology, pafChannels, outputs.string("heatmaps"), outputs.string("pafs"));
    }
}
