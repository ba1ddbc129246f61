package io.posegate.backend.simulated;

import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.grouping.synth.MarkerCode;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The "weights" of the simulated network, read from a {@code .sim.properties} file such as
 * {@code config/models/demo.sim.properties} (see {@link ModelProperties}): which colour code marks
 * joints, the input name and colour order, the output stride, the Gaussian sigma and limb width of the rendered targets (in map pixels),
 * the built-in topology (keypoints, limbs with their PAF channels, background channel) by name, and the
 * output names. Immutable.
 *
 * @param inputName       the input tensor's name
 * @param rgb             true if input channel 0 is red (RGB), false if it is blue (BGR)
 * @param stride          input pixels per output map pixel
 * @param code            the joint colour code
 * @param minMarkerPixels fewest pixels of one code that count as a joint
 * @param sigma           Gaussian sigma of the keypoint peaks, in map pixels
 * @param limbWidth       half width of a limb's field, in map pixels
 * @param topology        keypoints, limbs with PAF channels, background channel
 * @param pafChannels     channels of the PAF output (the highest channel a limb names, plus one)
 * @param heatmaps        name of the heatmap output
 * @param pafs            name of the PAF output
 */
record SimulatedModel(String inputName, boolean rgb, int stride, MarkerCode code, int minMarkerPixels, float sigma,
                      float limbWidth, Topology topology, int pafChannels, String heatmaps, String pafs) {
    /** Heatmap channels: one per keypoint, plus the background when the topology has one. */
    int heatmapChannels() {
        return Math.max(topology.keypointCount(), topology.backgroundChannel() + 1);
    }

    /** The keys a model file must have (and the only ones it may have). */
    static final Set<String> KEYS = Set.of("format", "input.name", "input.colorOrder", "stride", "markerCode.blue",
            "markerCode.redBase", "markerCode.redStep", "markerCode.greenBase", "markerCode.greenStep",
            "markerCode.tolerance", "markerCode.slots", "minMarkerPixels", "sigma", "limbWidth", "topology",
            "outputs.heatmaps", "outputs.pafs");

    /**
     * Reads a model file.
     *
     * @throws BackendException {@link ErrorCode#MODEL_NOT_FOUND} naming the file when it cannot be read,
     *                          {@link ErrorCode#MODEL_INVALID} naming the file and key when it is wrong
     */
    static SimulatedModel load(Path file) {
        ModelProperties p;
        try {
            p = ModelProperties.read(file);
        } catch (IOException e) {
            throw new BackendException(ErrorCode.MODEL_NOT_FOUND, "simulated model file " + file + " cannot be read: " + e, e);
        } catch (IllegalArgumentException e) {
            throw new BackendException(ErrorCode.MODEL_INVALID, "invalid simulated model " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(file.toString(), p);
        } catch (IllegalArgumentException e) {
            throw new BackendException(ErrorCode.MODEL_INVALID, "invalid simulated model " + file + ": " + e.getMessage(), e);
        }
    }

    private static SimulatedModel parse(String file, ModelProperties p) {
        p.onlyKnown(KEYS);
        p.oneOf("format", Set.of("posegate-simulated-network"));
        String order = p.oneOf("input.colorOrder", Set.of("RGB", "BGR"));
        String topologyName = p.string("topology");
        Topology topology = Topologies.named(topologyName);
        if (topology == null) {
            throw p.bad("topology", "a built-in topology; known: " + Topologies.NAMES);
        }
        if (topology.pafChannels() < 2) {
            throw p.bad("topology", "a topology whose limbs have PAF channels, e.g. coco18_openpose");
        }
        MarkerCode code;
        try {
            code = new MarkerCode(p.integer("markerCode.blue", 0, 255), p.integer("markerCode.redBase", 0, 255),
                    p.integer("markerCode.redStep", 1, 255), p.integer("markerCode.greenBase", 0, 255),
                    p.integer("markerCode.greenStep", 1, 255), p.integer("markerCode.tolerance", 0, 64),
                    topology.keypointCount(), p.integer("markerCode.slots", 1, 256));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(file) ? e : new IllegalArgumentException(file + ": 'markerCode': " + e.getMessage());
        }
        return new SimulatedModel(p.string("input.name"), order.equals("RGB"), p.integer("stride", 1, 64), code,
                p.integer("minMarkerPixels", 1, 10_000), p.positive("sigma"), p.positive("limbWidth"),
                topology, topology.pafChannels(), p.string("outputs.heatmaps"), p.string("outputs.pafs"));
    }
}
