package io.posegate.gateway.eval;

import static io.posegate.gateway.eval.GroupedRecording.OLD_MAGIC;

import io.posegate.gateway.demo.DemoScene.TruthPerson;
import io.posegate.gateway.eval.GroupedRecording.Frame;
import io.posegate.grouping.PeopleRecords;
import io.posegate.grouping.Poses;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link GroupedRecording} (the format is described there): checks the header, then reads every frame
 * until the end byte. Errors name the file: not a recording, a recording of the first format, other keypoints
 * than the model's, or a file cut short.
 */
final class RecordingReader {
    private RecordingReader() {
    }

    /**
     * Reads every frame of a recording into poses of {@code capacity} people.
     *
     * @throws IOException naming the file when it is not a recording of {@code keypoints} keypoints or is cut short
     */
    static List<Frame> read(Path file, int keypoints, int capacity) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                magic = null;
            }
            if (OLD_MAGIC.equals(magic)) {
                throw new IOException(file + " is a grouped-input recording of the first format (" + OLD_MAGIC
                        + ", without appearance); this build reads " + PeopleRecords.RECORDING_MAGIC + ": record it again with eval-tracking --record-input");
            }
            if (!PeopleRecords.RECORDING_MAGIC.equals(magic)) {
                throw new IOException(file + " is not a grouped-input recording (eval-tracking --record-input)");
            }
            int k = in.readInt();
            if (k != keypoints) {
                throw new IOException(file + " has " + k + " keypoints per person, the model has " + keypoints);
            }
            int parts = in.readInt();
            if (parts < 0 || parts > 1_000) {
                throw new IOException(file + " declares " + parts + " appearance parts per person");
            }
            List<Frame> frames = new ArrayList<>();
            while (in.readByte() == 1) {
                long nanos = in.readLong();
                Poses poses = PeopleRecords.read(in, k, parts, capacity);
                int nt = in.readInt();
                List<TruthPerson> truth = new ArrayList<>(nt);
                for (int i = 0; i < nt; i++) {
                    int id = in.readInt();
                    float area = in.readFloat();
                    float[][] kps = new float[in.readInt()][];
                    for (int j = 0; j < kps.length; j++) {
                        boolean present = in.readBoolean();
                        float x = in.readFloat();
                        float y = in.readFloat();
                        kps[j] = present ? new float[] {x, y} : null;
                    }
                    truth.add(new TruthPerson(id, kps, area));
                }
                frames.add(new Frame(nanos, poses, truth));
            }
            return frames;
        } catch (EOFException e) {
            throw new IOException(file + " ends in the middle of a frame (a recording cut short?)", e);
        }
    }
}
