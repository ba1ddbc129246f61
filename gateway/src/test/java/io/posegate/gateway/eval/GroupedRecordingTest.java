package io.posegate.gateway.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.demo.DemoScene.TruthPerson;
import io.posegate.grouping.PeopleRecords;
import io.posegate.grouping.Poses;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupedRecordingTest {
    @TempDir
    Path dir;

    @Test
    void peopleTheirLimbColoursAndTheTruthComeBackAsWritten() throws IOException {
        Path file = dir.resolve("rec.bin");
        Poses poses = new Poses(3, 4, 2);
        int a = poses.add(0.8f);
        poses.setKeypoint(a, 0, 10.5f, 20.25f, 0.9f);
        poses.setKeypoint(a, 2, 11f, 40f, 0.7f);
        poses.setColour(a, 1, 0.6f, 0.2f, 0.45f);
        int b = poses.add(0.5f);
        poses.setKeypoint(b, 1, 100f, 50f, 0.6f);
        poses.setColour(b, 0, 0.1f, 0.7f, 0.3f);
        TruthPerson truth = new TruthPerson(7, new float[][] {{10, 20}, null, {11, 40}}, 1234f);
        try (GroupedRecording.Writer w = new GroupedRecording.Writer(file, 3, 2)) {
            w.frame(66_000_000L, poses, List.of(truth));
        }
        List<GroupedRecording.Frame> frames = GroupedRecording.read(file, 3, 4);
        assertEquals(1, frames.size());
        Poses back = frames.get(0).poses();
        assertEquals(66_000_000L, frames.get(0).nanos());
        assertEquals(2, back.count());
        assertEquals(2, back.appearanceParts());
        for (int p = 0; p < 2; p++) {
            assertEquals(poses.personScore(p), back.personScore(p));
            for (int k = 0; k < 3; k++) {
                assertEquals(poses.present(p, k), back.present(p, k));
                if (poses.present(p, k)) {
                    assertEquals(poses.x(p, k), back.x(p, k));
                    assertEquals(poses.y(p, k), back.y(p, k));
                }
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(poses.hasColour(p, i), back.hasColour(p, i), "person " + p + " part " + i);
                for (int c = 0; c < Poses.COLOUR_CHANNELS && poses.hasColour(p, i); c++) {
                    assertEquals(poses.colour(p, i, c), back.colour(p, i, c));
                }
            }
        }
        assertEquals(7, frames.get(0).truth().get(0).id());
        // the copy a replay makes keeps the colours too
        Poses copy = new Poses(3, 4, 2);
        PeopleRecords.copy(back, copy);
        assertEquals(0.45f, copy.colour(a, 1, 2));
        assertTrue(!copy.hasColour(a, 0) && copy.hasColour(b, 0));
    }

    @Test
    void aRecordingOfTheFirstFormatIsRefusedNamingTheFile() throws IOException {
        Path old = dir.resolve("old.bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(old))) {
            out.writeUTF("posegate-grouped-1");
            out.writeInt(18);
            out.writeByte(0);
        }
        IOException e = assertThrows(IOException.class, () -> GroupedRecording.read(old, 18, 4));
        assertTrue(e.getMessage().contains(old.toString()) && e.getMessage().contains("first format")
                && e.getMessage().contains("--record-input"), e.getMessage());
    }
}
