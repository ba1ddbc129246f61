package io.posegate.grouping;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The skeletons PoseGate knows by heart, each stated once here as data and read by name everywhere else
 * (model descriptors' {@code topology.builtin}, the simulated model file, the demo scene). All methods
 * return immutable values and are thread-safe.
 */
public final class Topologies {
    /** The names {@link #named} knows. */
    public static final List<String> NAMES = List.of("coco17", "mpii16", "aic14", "coco18_openpose", "trt_pose_human");

    private static final List<String> TRT_POSE_KEYPOINTS = List.of("nose", "left_eye", "right_eye", "left_ear",
            "right_ear", "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
            "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle", "neck");
    /** trt_pose's human_pose.json skeleton, 1-based keypoint numbers as in the COCO category. */
    private static final int[][] TRT_POSE_SKELETON = {{16, 14}, {14, 12}, {17, 15}, {15, 13}, {12, 13}, {6, 8},
        {7, 9}, {8, 10}, {9, 11}, {2, 3}, {1, 2}, {1, 3}, {2, 4}, {3, 5}, {4, 6}, {5, 7}, {18, 1}, {18, 6}, {18, 7},
        {18, 12}, {18, 13}};

    private static final List<String> COCO18_KEYPOINTS = List.of("nose", "neck", "right_shoulder", "right_elbow",
            "right_wrist", "left_shoulder", "left_elbow", "left_wrist", "right_hip", "right_knee", "right_ankle",
            "left_hip", "left_knee", "left_ankle", "right_eye", "left_eye", "right_ear", "left_ear");
    /** {from, to, pafX} of human-pose-estimation-0001; pafY is pafX + 1. */
    private static final int[][] COCO18_LIMBS = {{1, 2, 12}, {1, 5, 20}, {2, 3, 14}, {3, 4, 16}, {5, 6, 22},
        {6, 7, 24}, {1, 8, 0}, {8, 9, 2}, {9, 10, 4}, {1, 11, 6}, {11, 12, 8}, {12, 13, 10}, {1, 0, 28},
        {0, 14, 30}, {14, 16, 34}, {0, 15, 32}, {15, 17, 36}, {2, 16, 18}, {5, 17, 26}};

    /** COCO-17 (PoseNet's order), and COCO's person skeleton, 0-based. */
    private static final List<String> COCO17_KEYPOINTS = List.of("nose", "left_eye", "right_eye", "left_ear",
            "right_ear", "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
            "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle");
    private static final int[][] COCO17_SKELETON = {{15, 13}, {13, 11}, {16, 14}, {14, 12}, {11, 12}, {5, 11},
        {6, 12}, {5, 6}, {5, 7}, {6, 8}, {7, 9}, {8, 10}, {1, 2}, {0, 1}, {0, 2}, {1, 3}, {2, 4}, {3, 5}, {4, 6}};

    /** MPII Human Pose's 16 joints in the dataset's order. */
    private static final List<String> MPII16_KEYPOINTS = List.of("right_ankle", "right_knee", "right_hip", "left_hip",
            "left_knee", "left_ankle", "pelvis", "thorax", "upper_neck", "head_top", "right_wrist", "right_elbow",
            "right_shoulder", "left_shoulder", "left_elbow", "left_wrist");
    private static final int[][] MPII16_SKELETON = {{0, 1}, {1, 2}, {2, 6}, {6, 3}, {3, 4}, {4, 5}, {6, 7}, {7, 8},
        {8, 9}, {10, 11}, {11, 12}, {12, 7}, {7, 13}, {13, 14}, {14, 15}};

    /** The 14 keypoints of AI Challenger (single-person hourglass and CPM of PoseEstimationForMobile). */
    private static final List<String> AIC14_KEYPOINTS = List.of("head_top", "neck", "right_shoulder", "right_elbow",
            "right_wrist", "left_shoulder", "left_elbow", "left_wrist", "right_hip", "right_knee", "right_ankle",
            "left_hip", "left_knee", "left_ankle");
    private static final int[][] AIC14_SKELETON = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {1, 5}, {5, 6}, {6, 7}, {2, 8},
        {8, 9}, {9, 10}, {5, 11}, {11, 12}, {12, 13}, {8, 11}};

    private Topologies() {
    }

    /** COCO's 17 keypoints in PoseNet's (and COCO's) order, with COCO's 19-edge person skeleton to draw. */
    public static Topology coco17() {
        return withoutFields("coco17", COCO17_KEYPOINTS, COCO17_SKELETON);
    }

    /** MPII Human Pose's 16 joints (stacked-hourglass order), with its 15-edge skeleton to draw. */
    public static Topology mpii16() {
        return withoutFields("mpii16", MPII16_KEYPOINTS, MPII16_SKELETON);
    }

    /**
     * AI Challenger's 14 keypoints (top of head, neck, then right/left arm, right/left leg), the order of the
     * single-person hourglass and CPM models, with a 14-edge skeleton to draw.
     */
    public static Topology aic14() {
        return withoutFields("aic14", AIC14_KEYPOINTS, AIC14_SKELETON);
    }

    /** The built-in topology of that name ({@code coco17}, {@code mpii16}, {@code aic14}, ...), or null. */
    public static Topology named(String name) {
        return switch (requireNonNull(name, "name is null")) {
            case "coco17" -> coco17();
            case "mpii16" -> mpii16();
            case "aic14" -> aic14();
            case "coco18_openpose" -> coco18OpenPose();
            case "trt_pose_human" -> trtPoseHuman();
            default -> null;
        };
    }

    private static Topology withoutFields(String name, List<String> keypoints, int[][] skeleton) {
        List<Limb> edges = new ArrayList<>(skeleton.length);
        for (int[] e : skeleton) {
            edges.add(Limb.edge(e[0], e[1]));
        }
        return new Topology(name, keypoints, edges, -1);
    }

    /**
     * trt_pose's {@code human_pose.json}: 18 keypoints (COCO 17 + neck), 21 limbs, limb k's field in PAF
     * channels 2k (y) and 2k+1 (x), no background channel.
     */
    public static Topology trtPoseHuman() {
        return trtPose("trt_pose_human", TRT_POSE_KEYPOINTS, List.of(TRT_POSE_SKELETON));
    }

    /**
     * A topology in trt_pose's convention from a COCO-style category: limb k joins the 1-based keypoints
     * {@code skeleton.get(k)} and lives in PAF channels 2k (y) and 2k+1 (x).
     *
     * @throws IllegalArgumentException if a skeleton entry is not a pair of keypoint numbers in range
     */
    public static Topology trtPose(String name, List<String> keypoints, List<int[]> skeleton) {
        requireNonNull(name, "name is null");
        requireNonNull(keypoints, "keypoints is null");
        requireNonNull(skeleton, "skeleton is null");
        List<Limb> limbs = new ArrayList<>(skeleton.size());
        for (int k = 0; k < skeleton.size(); k++) {
            int[] pair = skeleton.get(k);
            if (pair == null || pair.length != 2 || pair[0] < 1 || pair[1] < 1
                    || pair[0] > keypoints.size() || pair[1] > keypoints.size()) {
                throw new IllegalArgumentException("skeleton entry " + k + " of topology " + name
                        + " must be two 1-based keypoint numbers up to " + keypoints.size());
            }
            limbs.add(new Limb(pair[0] - 1, pair[1] - 1, 2 * k + 1, 2 * k));
        }
        return new Topology(name, keypoints, limbs, -1);
    }

    /**
     * OpenPose COCO-18 as output by Open Model Zoo's human-pose-estimation-0001: 18 keypoints, 19 limbs
     * with their PAF channel pairs (x, x+1 = y), background in heatmap channel 18.
     */
    public static Topology coco18OpenPose() {
        List<Limb> limbs = new ArrayList<>(COCO18_LIMBS.length);
        for (int[] l : COCO18_LIMBS) {
            limbs.add(new Limb(l[0], l[1], l[2], l[2] + 1));
        }
        return new Topology("coco18_openpose", COCO18_KEYPOINTS, limbs, 18);
    }
}
