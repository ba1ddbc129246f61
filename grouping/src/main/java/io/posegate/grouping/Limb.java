package io.posegate.grouping;

/**
 * A connection between two keypoint types and the two PAF channels that hold its vector field.
 *
 * @param from  index of the source keypoint in {@link Topology#keypoints()}
 * @param to    index of the destination keypoint
 * @param pafX  PAF channel holding the x (column) component
 * @param pafY  PAF channel holding the y (row) component
 */
public record Limb(int from, int to, int pafX, int pafY) {
    public Limb {
        if (from < 0 || to < 0 || pafX < 0 || pafY < 0) {
            throw new IllegalArgumentException("negative index in limb " + from + "-" + to + " paf(" + pafX + "," + pafY + ")");
        }
    }
}
