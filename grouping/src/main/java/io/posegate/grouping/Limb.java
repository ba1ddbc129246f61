package io.posegate.grouping;

/**
 * A connection between two keypoint types and, for PAF networks, the two PAF channels that hold its
 * vector field. A skeleton edge of a family without PAFs ({@link #edge}) has -1 for both channels.
 *
 * @param from  index of the source keypoint in {@link Topology#keypoints()}
 * @param to    index of the destination keypoint
 * @param pafX  PAF channel holding the x (column) component, or -1 when the limb has no field
 * @param pafY  PAF channel holding the y (row) component, or -1 when the limb has no field
 */
public record Limb(int from, int to, int pafX, int pafY) {
    public Limb {
        boolean noField = pafX == -1 && pafY == -1;
        if (from < 0 || to < 0 || (!noField && (pafX < 0 || pafY < 0))) {
            throw new IllegalArgumentException("negative index in limb " + from + "-" + to + " paf(" + pafX + "," + pafY + ")");
        }
    }

    /** A skeleton edge to draw, with no PAF field. */
    public static Limb edge(int from, int to) {
        return new Limb(from, to, -1, -1);
    }

    /** Whether the limb names PAF channels. */
    public boolean hasField() {
        return pafX >= 0;
    }
}
