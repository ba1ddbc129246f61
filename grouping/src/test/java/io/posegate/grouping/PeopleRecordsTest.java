package io.posegate.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link PeopleRecords}: people written and read back are the same people, a cut record is an EOF, and a copy
 * into poses too small for them is refused, naming both counts.
 */
class PeopleRecordsTest {
    @Test
    void peopleComeBackAsTheyWereWrittenWithRoomForAllOfThem() throws Exception {
        Poses poses = new Poses(4, 5, 2);
        for (int p = 0; p < 3; p++) {
            int q = poses.add(0.5f + p);
            poses.setKeypoint(q, p, 10f * p, 20f * p + 1, 0.25f);
            poses.setKeypoint(q, 3, -1f, 2.5f, 0.75f);
            poses.setColour(q, p % 2, 0.1f * p, 0.2f, 0.3f);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PeopleRecords.write(new DataOutputStream(bytes), poses, 4, 2);
        byte[] record = bytes.toByteArray();

        Poses read = PeopleRecords.read(new DataInputStream(new ByteArrayInputStream(record)), 4, 2, 1);
        assertEquals(3, read.count());
        assertTrue(read.capacity() >= 3, "room for every person of the frame, though 1 was asked for");
        for (int p = 0; p < 3; p++) {
            assertEquals(poses.personScore(p), read.personScore(p));
            for (int k = 0; k < 4; k++) {
                assertEquals(poses.present(p, k), read.present(p, k), "person " + p + " keypoint " + k);
                if (poses.present(p, k)) {
                    assertEquals(poses.x(p, k), read.x(p, k));
                    assertEquals(poses.y(p, k), read.y(p, k));
                    assertEquals(poses.score(p, k), read.score(p, k));
                }
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(poses.hasColour(p, i), read.hasColour(p, i));
                if (poses.hasColour(p, i)) {
                    assertEquals(poses.colour(p, i, 0), read.colour(p, i, 0));
                }
            }
        }
        assertFalse(read.present(0, 1));
        byte[] cut = Arrays.copyOf(record, record.length - 3);
        assertThrows(EOFException.class, () -> PeopleRecords.read(new DataInputStream(new ByteArrayInputStream(cut)), 4, 2, 1));
    }

    @Test
    void aCopyIntoPosesTooSmallForThePeopleIsRefused() {
        Poses three = new Poses(18, 4);
        for (int p = 0; p < 3; p++) {
            three.setKeypoint(three.add(0.5f), p, p, p, 0.5f);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeopleRecords.copy(three, new Poses(18, 2)));
        assertTrue(e.getMessage().contains("has 3 people, the target holds 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PeopleRecords.copy(three, new Poses(17, 4)));
        assertTrue(e.getMessage().contains("18 keypoints, the target's 17"), e.getMessage());
        Poses exact = new Poses(18, 3);
        PeopleRecords.copy(three, exact);
        assertEquals(3, exact.count());
        assertEquals(2f, exact.x(2, 2));
    }
}
