package io.posegate.grouping.tracking;

import io.posegate.grouping.PeopleRecords;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded tracker input replayed through this build's {@link Tracker} (harness code for
 * {@link RecordedTrackingPair}, not a test). Reads the gateway's grouped-input recordings, as
 * {@code eval-tracking --record-input} (the demo scene) and {@code bench tracking --record-input} (any source)
 * write them: the format is described by the gateway's {@code GroupedRecording}; the ground truth is skipped.
 * COCO-18 people only. Each {@link #pass} tracks every frame with a new tracker with the gateway's default
 * settings and the given publish rule. With {@link #touchBetweenFrames} it writes one byte per cache line of
 * that much other memory between frames, untimed and before the frame's people are copied in, as the gateway's
 * grouping and colour sampling stream over each frame's new maps and picture between two tracker updates: the
 * tracker then meets its own state out of the caches, as it does in the gateway, and the frame's people in them.
 */
public final class RecordedInput {
    private final List<Poses> frames = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();
    private final TrackerParams params;
    private final float[] sigmas = KeypointSigmas.forNames(Topologies.coco18OpenPose().keypoints());
    private final Poses work;
    private long checksum;
    private byte[] touched = new byte[0];
    private long tracksSeen;
    private long published;
    private long passes;

    public RecordedInput(String file, boolean appearance, int minKeypoints, float minPersonScore) throws IOException {
        params = TrackerParams.defaults().withSmoothing(false).withAppearance(appearance)
                .withPublish(new PublishRule(minKeypoints, minPersonScore));
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(file))))) {
            String magic = in.readUTF();
            if (!PeopleRecords.RECORDING_MAGIC.equals(magic) || in.readInt() != sigmas.length) {
                throw new IOException(file + " is not a grouped-input recording (" + PeopleRecords.RECORDING_MAGIC
                        + ") of COCO-18 people: "
                        + "record it with bench tracking --record-input or eval-tracking --record-input");
            }
            int parts = in.readInt();
            if (parts < 0 || parts > 1_000) {
                throw new IOException(file + " declares " + parts + " appearance parts per person");
            }
            int capacity = 100;
            while (in.readByte() == 1) {
                nanos.add(in.readLong());
                Poses poses = PeopleRecords.read(in, sigmas.length, parts, 1);
                capacity = Math.max(capacity, poses.count());
                for (int t = 0, truth = in.readInt(); t < truth; t++) {
                    in.skipNBytes(8);
                    in.skipNBytes(9L * in.readInt());
                }
                frames.add(poses);
            }
            work = new Poses(sigmas.length, capacity, parts);
        } catch (EOFException e) {
            throw new IOException(file + " ends in the middle of a frame (a recording cut short?)", e);
        }
    }

    public int frames() {
        return frames.size();
    }

    /**
     * A hash of every published person so far, frame by frame: count, id, person score, and each keypoint's
     * presence, position and score. Equal for builds that publish the same.
     */
    public long checksum() {
        return checksum;
    }

    /** Tracks held (tentative, confirmed and lost) per frame, over every pass so far. */
    public double tracksPerFrame() {
        return tracksSeen / (double) Math.max(1, framesTracked());
    }

    /** People published per frame, over every pass so far. */
    public double publishedPerFrame() {
        return published / (double) Math.max(1, framesTracked());
    }

    private long framesTracked() {
        return passes * (long) frames.size();
    }

    /** From the next {@link #pass} on: kilobytes of other memory written between frames (0: none, the default). */
    public void touchBetweenFrames(int kilobytes) {
        if (kilobytes < 0) {
            throw new IllegalArgumentException("kilobytes touched between frames must be >= 0, got " + kilobytes);
        }
        touched = new byte[kilobytes * 1024];
    }

    /** Tracks every frame with a new tracker; returns the nanoseconds spent in {@link Tracker#update}. */
    public long pass() {
        Tracker tracker = new Tracker(params, sigmas.length, 200);
        passes++;
        long spent = 0;
        for (int f = 0; f < frames.size(); f++) {
            for (int i = 0; i < touched.length; i += 64) {
                touched[i]++;
            }
            PeopleRecords.copy(frames.get(f), work);
            long t0 = System.nanoTime();
            tracker.update(work, nanos.get(f), sigmas);
            spent += System.nanoTime() - t0;
            tracksSeen += tracker.liveTracks();
            published += work.count();
            checksum = checksum * 31 + work.count();
            for (int p = 0; p < work.count(); p++) {
                checksum = checksum * 31 + work.id(p);
                checksum = checksum * 31 + Float.floatToIntBits(work.personScore(p));
                for (int j = 0; j < sigmas.length; j++) {
                    checksum = checksum * 31 + (!work.present(p, j) ? -1 : Float.floatToIntBits(work.x(p, j)) * 7L
                            + Float.floatToIntBits(work.y(p, j)) * 3L + Float.floatToIntBits(work.score(p, j)));
                }
            }
        }
        return spent;
    }
}
