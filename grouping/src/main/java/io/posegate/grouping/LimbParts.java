package io.posegate.grouping;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The body parts whose colour makes a person's appearance: the topology's skeleton edges that are limbs or
 * the torso (neck or shoulder to hip, shoulder to elbow, elbow to wrist, hip to knee, knee to ankle, by
 * keypoint name), each sampled on its middle stretch, never at a joint. A topology without such edges has
 * no parts, and trackers then work without appearance.
 *
 * <p>The colour space: from a part's mean blue, green and red (0..255), the normalised chromaticity
 * r = R / (R + G + B), g = G / (R + G + B), which does not change when the light gets brighter or dimmer
 * by a common factor, and the brightness (R + G + B) / (3 x 255), kept as a third channel that trackers
 * weigh less. Immutable and thread-safe.
 */
public final class LimbParts {
    private static final String[][] NAMED = {
        {"neck", "right_hip"}, {"neck", "left_hip"}, {"right_shoulder", "right_hip"}, {"left_shoulder", "left_hip"},
        {"right_shoulder", "right_elbow"}, {"right_elbow", "right_wrist"},
        {"left_shoulder", "left_elbow"}, {"left_elbow", "left_wrist"},
        {"right_hip", "right_knee"}, {"right_knee", "right_ankle"},
        {"left_hip", "left_knee"}, {"left_knee", "left_ankle"},
    };
    /** Below this sum of B, G and R a colour is black and its chromaticity is taken as grey. */
    private static final float DARK = 3f;
    private final int[] from;
    private final int[] to;

    private LimbParts(int[] from, int[] to) {
        this.from = from;
        this.to = to;
    }

    /** The limb and torso edges of {@code topology} (in the topology's order), possibly none. */
    public static LimbParts of(Topology topology) {
        requireNonNull(topology, "topology is null");
        List<String> names = topology.keypoints();
        List<int[]> found = new ArrayList<>();
        for (Limb l : topology.limbs()) {
            String a = names.get(l.from());
            String b = names.get(l.to());
            for (String[] pair : NAMED) {
                if ((pair[0].equals(a) && pair[1].equals(b)) || (pair[0].equals(b) && pair[1].equals(a))) {
                    found.add(new int[] {l.from(), l.to()});
                    break;
                }
            }
        }
        int[] f = new int[found.size()];
        int[] t = new int[found.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = found.get(i)[0];
            t[i] = found.get(i)[1];
        }
        return new LimbParts(f, t);
    }

    public int count() {
        return from.length;
    }

    /** Keypoint index of part i's first end. */
    public int from(int i) {
        return from[i];
    }

    /** Keypoint index of part i's other end. */
    public int to(int i) {
        return to[i];
    }

    /** Writes the colour of mean (blue, green, red), each 0..255, into person p's part i. */
    public static void colour(Poses poses, int p, int part, float blue, float green, float red) {
        float sum = blue + green + red;
        if (sum < DARK) {
            poses.setColour(p, part, 1f / 3, 1f / 3, sum / (3 * 255f));
            return;
        }
        poses.setColour(p, part, red / sum, green / sum, sum / (3 * 255f));
    }
}
