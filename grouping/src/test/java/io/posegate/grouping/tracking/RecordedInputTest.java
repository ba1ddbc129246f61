package io.posegate.grouping.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.PeopleRecords;
import io.posegate.grouping.Poses;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay harness behind {@link RecordedTrackingPair}: its counts, and that its cold-cache write changes nothing tracked. */
class RecordedInputTest {
    private static final int KEYPOINTS = 18;
    private static final int FRAMES = 40;
    /** A standing person's keypoints relative to the neck, in body heights (COCO-18 order). */
    private static final float[][] POSE = {
            {0, -0.12f}, {0, 0}, {-0.1f, 0}, {-0.13f, 0.15f}, {-0.14f, 0.3f}, {0.1f, 0}, {0.13f, 0.15f},
            {0.14f, 0.3f}, {-0.06f, 0.35f}, {-0.07f, 0.6f}, {-0.07f, 0.85f}, {0.06f, 0.35f}, {0.07f, 0.6f},
            {0.07f, 0.85f}, {-0.03f, -0.15f}, {0.03f, -0.15f}, {-0.05f, -0.13f}, {0.05f, -0.13f}};

    @TempDir
    Path dir;

    @Test
    void countsTheTracksHeldAndThePeoplePublishedPerFrame() throws IOException {
        RecordedInput input = new RecordedInput(twoWalkers().toString(), false, 5, 0f);
        assertEquals(FRAMES, input.frames());
        input.pass();
        assertEquals(2.0, input.tracksPerFrame(), 1e-9, "two people, two tracks from the first frame on");
        // published once confirmed: from the third frame on (three hits), both people
        assertEquals(2.0 * (FRAMES - 2) / FRAMES, input.publishedPerFrame(), 1e-9);
        input.pass();
        assertEquals(2.0 * (FRAMES - 2) / FRAMES, input.publishedPerFrame(), 1e-9, "averaged over passes");
    }

    @Test
    void memoryTouchedBetweenFramesLeavesWhatIsPublishedTheSame() throws IOException {
        Path file = twoWalkers();
        RecordedInput warm = new RecordedInput(file.toString(), false, 5, 0f);
        RecordedInput cold = new RecordedInput(file.toString(), false, 5, 0f);
        cold.touchBetweenFrames(256);
        warm.pass();
        cold.pass();
        assertEquals(warm.checksum(), cold.checksum());
        assertTrue(warm.checksum() != 0, "people were published");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cold.touchBetweenFrames(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    /** A recording (the format RecordedInput reads) of two people walking apart, 15 fps, no colours. */
    private Path twoWalkers() throws IOException {
        Path file = dir.resolve("walkers.rec");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeUTF(PeopleRecords.RECORDING_MAGIC);
            out.writeInt(KEYPOINTS);
            out.writeInt(0);
            Poses poses = new Poses(KEYPOINTS, 4);
            for (int f = 0; f < FRAMES; f++) {
                out.writeByte(1);
                out.writeLong(f * 66_666_667L);
                poses.clear();
                person(poses, 100 + 2f * f, 60);
                person(poses, 400 - 2f * f, 70);
                PeopleRecords.write(out, poses, KEYPOINTS, 0);
                out.writeInt(0); // no ground truth
            }
            out.writeByte(0);
        }
        return file;
    }

    private static void person(Poses poses, float neckX, float neckY) {
        int p = poses.add(0.9f);
        for (int j = 0; j < KEYPOINTS; j++) {
            poses.setKeypoint(p, j, neckX + 120 * POSE[j][0], neckY + 120 * POSE[j][1], 0.8f);
        }
    }
}
