package io.posegate.gateway.eval;

import io.posegate.gateway.demo.DemoScene.TruthPerson;
import io.posegate.grouping.PeopleRecords;
import io.posegate.grouping.Poses;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Writes one frame of a {@link GroupedRecording} (the format is described there): the frame byte, the timestamp,
 * the people with {@code keypoints} keypoints and {@code parts} appearance parts each, and the ground truth.
 */
final class FrameEncoder {
    private FrameEncoder() {
    }

    static void write(DataOutputStream out, int keypoints, int parts, long nanos, Poses poses, List<TruthPerson> truth)
            throws IOException {
        out.writeByte(1);
        out.writeLong(nanos);
        PeopleRecords.write(out, poses, keypoints, parts);
        out.writeInt(truth.size());
        for (TruthPerson t : truth) {
            out.writeInt(t.id());
            out.writeFloat(t.area());
            out.writeInt(t.keypoints().length);
            for (float[] j : t.keypoints()) {
                out.writeBoolean(j != null);
                out.writeFloat(j == null ? 0 : j[0]);
                out.writeFloat(j == null ? 0 : j[1]);
            }
        }
    }
}
