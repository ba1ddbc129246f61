package io.posegate.gateway.demo;

import io.posegate.grouping.Topologies;
import java.util.List;

/**
 * Keypoint indices of the OpenPose COCO-18 order, which the demo scene and the simulated backend use,
 * read from the one statement of that topology ({@link Topologies#coco18OpenPose()}): each constant is
 * the index of its keypoint's name there.
 */
public final class Coco18 {
    /** The keypoint names, index i naming keypoint i. */
    public static final List<String> NAMES = Topologies.coco18OpenPose().keypoints();

    public static final int NOSE = index("nose");
    public static final int NECK = index("neck");
    public static final int R_SHOULDER = index("right_shoulder");
    public static final int R_ELBOW = index("right_elbow");
    public static final int R_WRIST = index("right_wrist");
    public static final int L_SHOULDER = index("left_shoulder");
    public static final int L_ELBOW = index("left_elbow");
    public static final int L_WRIST = index("left_wrist");
    public static final int R_HIP = index("right_hip");
    public static final int R_KNEE = index("right_knee");
    public static final int R_ANKLE = index("right_ankle");
    public static final int L_HIP = index("left_hip");
    public static final int L_KNEE = index("left_knee");
    public static final int L_ANKLE = index("left_ankle");
    public static final int R_EYE = index("right_eye");
    public static final int L_EYE = index("left_eye");
    public static final int R_EAR = index("right_ear");
    public static final int L_EAR = index("left_ear");
    public static final int COUNT = NAMES.size();

    private Coco18() {
    }

    private static int index(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("the COCO-18 topology has no keypoint '" + name + "'");
        }
        return i;
    }
}
