package io.posegate.grouping;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Keypoint names and limbs of a skeleton, with where each limb's field lives in the PAF tensor.
 *
 * @param name              e.g. {@code "coco18"}
 * @param keypoints         keypoint names; heatmap channel i holds keypoint i
 * @param limbs             limbs in the order grouping visits them
 * @param backgroundChannel heatmap channel holding the background, or -1 when there is none
 */
public record Topology(String name, List<String> keypoints, List<Limb> limbs, int backgroundChannel) {
    public Topology {
        requireNonNull(name, "name is null");
        keypoints = List.copyOf(requireNonNull(keypoints, "keypoints is null"));
        limbs = List.copyOf(requireNonNull(limbs, "limbs is null"));
        for (Limb l : limbs) {
            if (l.from() >= keypoints.size() || l.to() >= keypoints.size()) {
                throw new IllegalArgumentException("limb " + l + " names a keypoint beyond the " + keypoints.size() + " of topology " + name);
            }
        }
    }

    public int keypointCount() {
        return keypoints.size();
    }

    /** Number of PAF channels the limbs need: one more than the highest channel named. */
    public int pafChannels() {
        int max = -1;
        for (int i = 0; i < limbs.size(); i++) {
            max = Math.max(max, Math.max(limbs.get(i).pafX(), limbs.get(i).pafY()));
        }
        return max + 1;
    }
}
