package io.posegate.grouping.tracking;

/**
 * The {@link Tracker}'s per-frame state, shared by its steps: each detection's box, whole/partial verdict,
 * OKS to every track, match and fate, each track's detection, and the assignment's scratch. Grown when a
 * frame holds more detections than before, otherwise reused: allocates nothing in steady state. Held by
 * one tracker, one thread at a time.
 */
final class FrameState {
    /** {@link #detTrack} of a detection whose stage-1 match {@link StageOneRevisions#undoCopies} undid. */
    static final int DUPLICATE = -2;
    /** {@link #fate}: removed from the {@link io.posegate.grouping.Poses}. */
    static final byte DROP = 0;
    /** {@link #fate}: published. */
    static final byte KEEP = 1;
    /** {@link #fate}: starts a new track. */
    static final byte START = 2;
    final int trackCapacity;
    /** Each track's detection this frame, or -1. */
    final int[] trackDet;
    /** Column scratch of the assignment stages: track indexes. */
    final int[] cols;
    Assignment assignment;
    float[] sim = new float[0];
    /** OKS of detection p to track t's predicted pose at [p * trackCapacity + t], 0 when not near. */
    float[] oks = new float[0];
    float[] detBox = new float[0];
    /** Each detection's track, -1, or {@link #DUPLICATE}. */
    int[] detTrack = new int[0];
    /** The stage-1 track of each detection whose match {@link StageOneRevisions#undoCopies} undid. */
    int[] undone = new int[0];
    /** Row scratch of the assignment stages: detection indexes. */
    int[] rows = new int[0];
    byte[] fate = new byte[0];
    boolean[] whole = new boolean[0];
    /** Each detection's present keypoints and box as indexed at the frame's start (valid until the keypoint owners move any). */
    final DetectionKeys detKeys;

    FrameState(int trackCapacity, int keypoints) {
        this.trackCapacity = trackCapacity;
        this.detKeys = new DetectionKeys(keypoints);
        this.trackDet = new int[trackCapacity];
        this.cols = new int[trackCapacity];
        this.assignment = new Assignment(1, trackCapacity);
    }

    /** Whether the per-detection arrays must grow for a frame of up to {@code poseCapacity} detections. */
    boolean tooSmallFor(int poseCapacity) {
        return detTrack.length < poseCapacity;
    }

    void grow(int poseCapacity) {
        detTrack = new int[poseCapacity];
        undone = new int[poseCapacity];
        rows = new int[poseCapacity];
        fate = new byte[poseCapacity];
        whole = new boolean[poseCapacity];
        detBox = new float[4 * poseCapacity];
        sim = new float[poseCapacity * trackCapacity];
        oks = new float[poseCapacity * trackCapacity];
        assignment = new Assignment(poseCapacity, trackCapacity);
    }

    /**
     * Whether an established track of {@code tracks} other than t explains detection p at OKS {@code atLeast}
     * or more on its predicted pose (this frame's {@link #oks}): the detection is not t's alone.
     */
    boolean explainedByAnother(TrackTable tracks, int p, int t, float atLeast) {
        int row = p * tracks.capacity;
        for (int u = 0; u < tracks.size; u++) {
            if (u != t && tracks.established(u) && oks[row + u] >= atLeast) {
                return true;
            }
        }
        return false;
    }
}
