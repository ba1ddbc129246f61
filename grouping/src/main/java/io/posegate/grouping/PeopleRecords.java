package io.posegate.grouping;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One frame's people in the binary form of the gateway's grouped-input recordings ({@code eval-tracking} and
 * {@code bench tracking --record-input}), big-endian as {@link DataOutputStream} writes: the count; per person
 * its score, per keypoint a presence byte and x, y, score (written whether present or not), per appearance part
 * a presence byte and its colour's {@value Poses#COLOUR_CHANNELS} floats. Written and read here only, so the
 * gateway's recordings and the tracker's replay harness agree. Stateless.
 */
public final class PeopleRecords {
    /**
     * The header string of the gateway's grouped-input recordings, whose frames hold these records: written by the
     * gateway's {@code GroupedRecording}, checked there and by the tracker's replay harness.
     */
    public static final String RECORDING_MAGIC = "posegate-grouped-2";

    private PeopleRecords() {
    }

    /**
     * Makes {@code to} hold {@code from}'s people, as writing and reading them back would (keypoints, scores and
     * the colours of the appearance parts both hold; ids are not copied).
     *
     * @throws IllegalArgumentException if {@code to} cannot hold them all (naming both counts; size {@code to}
     *                                  to the largest frame, as {@link #read} sizes what it reads), or their
     *                                  keypoint counts differ
     */
    public static void copy(Poses from, Poses to) {
        if (from.count() > to.capacity()) {
            throw new IllegalArgumentException("the recorded frame has " + from.count() + " people, the target holds "
                    + to.capacity() + " (size it to the largest frame)");
        }
        if (from.keypointCount() != to.keypointCount()) {
            throw new IllegalArgumentException("the recorded people have " + from.keypointCount()
                    + " keypoints, the target's " + to.keypointCount());
        }
        to.clear();
        for (int p = 0; p < from.count(); p++) {
            int q = to.add(from.personScore(p));
            for (int k = 0; k < from.keypointCount(); k++) {
                if (from.present(p, k)) {
                    to.setKeypoint(q, k, from.x(p, k), from.y(p, k), from.score(p, k));
                }
            }
            for (int i = 0; i < Math.min(from.appearanceParts(), to.appearanceParts()); i++) {
                if (from.hasColour(p, i)) {
                    to.setColour(q, i, from.colour(p, i, 0), from.colour(p, i, 1), from.colour(p, i, 2));
                }
            }
        }
    }

    /** Writes {@code poses}' people, {@code keypoints} keypoints and {@code parts} appearance parts each. */
    public static void write(DataOutputStream out, Poses poses, int keypoints, int parts) throws IOException {
        out.writeInt(poses.count());
        for (int p = 0; p < poses.count(); p++) {
            out.writeFloat(poses.personScore(p));
            for (int k = 0; k < keypoints; k++) {
                out.writeBoolean(poses.present(p, k));
                out.writeFloat(poses.x(p, k));
                out.writeFloat(poses.y(p, k));
                out.writeFloat(poses.score(p, k));
            }
            for (int i = 0; i < parts; i++) {
                boolean has = i < poses.appearanceParts() && poses.hasColour(p, i);
                out.writeBoolean(has);
                for (int c = 0; c < Poses.COLOUR_CHANNELS; c++) {
                    out.writeFloat(has ? poses.colour(p, i, c) : 0f);
                }
            }
        }
    }

    /**
     * Reads one frame's people into new poses of at least {@code capacity} people (more if the frame has more).
     *
     * @throws IOException as {@code in} fails ({@link java.io.EOFException} when it ends early)
     */
    public static Poses read(DataInputStream in, int keypoints, int parts, int capacity) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("a frame of " + n + " people");
        }
        Poses poses = new Poses(keypoints, Math.max(Math.max(1, capacity), n), parts);
        for (int p = 0; p < n; p++) {
            int q = poses.add(in.readFloat());
            for (int j = 0; j < keypoints; j++) {
                boolean present = in.readBoolean();
                float x = in.readFloat();
                float y = in.readFloat();
                float s = in.readFloat();
                if (present) {
                    poses.setKeypoint(q, j, x, y, s);
                }
            }
            for (int i = 0; i < parts; i++) {
                boolean has = in.readBoolean();
                float r = in.readFloat();
                float g = in.readFloat();
                float b = in.readFloat();
                if (has) {
                    poses.setColour(q, i, r, g, b);
                }
            }
        }
        return poses;
    }
}
