package io.posegate.gateway.eval;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.demo.DemoScene.TruthPerson;
import io.posegate.grouping.PeopleRecords;
import io.posegate.grouping.Poses;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A demo run's tracker input, frame by frame: the timestamp, the grouper's people (before tracking) and
 * the scene's ground truth. Written once by {@code eval-tracking --record-input}, it lets
 * {@code eval-tracking --replay} run a tracker on exactly the same input without rendering, inference or
 * grouping (tracker sweeps in seconds instead of minutes). Binary, big-endian ({@link DataOutputStream}):
 * a header ({@link PeopleRecords#RECORDING_MAGIC}, keypoints, appearance parts), then per frame a 1 byte, the
 * timestamp in nanoseconds, the people (as {@link PeopleRecords} writes them) and the truth (id, area, keypoint count; per
 * keypoint a presence byte and x, y); a 0 byte ends the file. Recordings of the first format ({@value #OLD_MAGIC},
 * no appearance) are refused with an error naming the file. Not thread-safe.
 */
public final class GroupedRecording {
    static final String OLD_MAGIC = "posegate-grouped-1";

    private GroupedRecording() {
    }

    /** One frame of a recording. */
    public record Frame(long nanos, Poses poses, List<TruthPerson> truth) {
    }

    /** Writes frames to a file; close it to end the file. */
    public static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private final int keypoints;
        private final int parts;

        /** A recording of people with {@code keypoints} keypoints and {@code parts} appearance parts each. */
        public Writer(Path file, int keypoints, int parts) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(requireNonNull(file, "file is null"))));
            this.keypoints = keypoints;
            this.parts = parts;
            out.writeUTF(PeopleRecords.RECORDING_MAGIC);
            out.writeInt(keypoints);
            out.writeInt(parts);
        }

        public void frame(long nanos, Poses poses, List<TruthPerson> truth) throws IOException {
            FrameEncoder.write(out, keypoints, parts, nanos, poses, truth);
        }

        @Override
        public void close() throws IOException {
            out.writeByte(0);
            out.close();
        }
    }

    /**
     * Reads every frame of a recording into poses of {@code capacity} people.
     *
     * @throws IOException naming the file when it is not a recording of {@code keypoints} keypoints or is cut short
     */
    public static List<Frame> read(Path file, int keypoints, int capacity) throws IOException {
        return RecordingReader.read(file, keypoints, capacity);
    }
}
