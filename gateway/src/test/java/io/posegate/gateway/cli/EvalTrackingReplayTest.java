package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval-tracking --record-input} then {@code --replay}: the replayed tracker prints the recorded run's figures. */
class EvalTrackingReplayTest {
    private static final String MODELS = "../config/models";

    @TempDir
    Path dir;

    @Test
    void replayingTheRecordedInputPrintsTheSameFiguresForEachSeedAndTracker() throws Exception {
        Path input = dir.resolve("input.bin");
        CliRunner.Result live = CliRunner.run("eval-tracking", "--models-dir", MODELS, "--people", "8", "--frames", "60",
                "--bar", "--enter", "--jitter", "0.4", "--seed", "3", "--runs", "2", "--record-input", input.toString());
        assertEquals(0, live.code(), live.err());
        assertTrue(Files.size(Path.of(input + ".seed3")) > 0 && Files.size(Path.of(input + ".seed4")) > 0, "one file per seed");
        // the scene options are in the recording: replay does not need them
        CliRunner.Result replayed = CliRunner.run("eval-tracking", "--models-dir", MODELS, "--frames", "60", "--seed", "3",
                "--runs", "2", "--replay", input.toString());
        assertEquals(0, replayed.code(), replayed.err());
        assertTrue(live.out().contains("tracker seed 4: frames 60") && live.out().contains("greedy seeds 3..4"), live.out());
        assertEquals(live.out(), replayed.out());
        CliRunner.Result shorter = CliRunner.run("eval-tracking", "--models-dir", MODELS, "--frames", "30", "--seed", "3",
                "--runs", "2", "--replay", input.toString());
        assertTrue(shorter.out().contains("tracker seed 3: frames 30,"), shorter.out());
        assertNotEquals(live.out(), shorter.out());
    }

    /** A recording of 8 people replays whole through a descriptor whose decoder keeps 3: the recorded run's figures. */
    @Test
    void replayingThroughADescriptorKeepingFewerPeopleReplaysEveryRecordedPerson() throws Exception {
        Path input = dir.resolve("rec8.bin");
        CliRunner.Result live = CliRunner.run("eval-tracking", "--models-dir", MODELS, "--people", "8", "--frames", "20",
                "--tracker", "tracker", "--record-input", input.toString());
        assertEquals(0, live.code(), live.err());
        Path three = Files.writeString(dir.resolve("demo3.yaml"), Files.readString(Path.of(MODELS, "demo-simulated.yaml"))
                .replace("maxPeople: 100", "maxPeople: 3")
                .replace("file: demo.sim.properties", "file: " + Path.of(MODELS, "demo.sim.properties").toAbsolutePath()));
        CliRunner.Result replayed = CliRunner.run("eval-tracking", "--models-dir", MODELS, "--frames", "20", "--tracker", "tracker",
                "--replay", input.toString(), "--model", three.toString());
        assertEquals(0, replayed.code(), replayed.err());
        assertEquals(live.out(), replayed.out());
    }

    @Test
    void replayRefusesOtherInputAndConflictingFlags() throws Exception {
        Path notARecording = Files.writeString(dir.resolve("frames.jsonl"), "{\"frame\": 0}\n");
        CliRunner.Result r = CliRunner.run("eval-tracking", "--models-dir", MODELS, "--replay", notARecording.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(notARecording + " is not a grouped-input recording"), r.err());
        r = CliRunner.run("eval-tracking", "--models-dir", MODELS, "--replay", notARecording.toString(), "--record-input",
                dir.resolve("x").toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("cannot be combined with --record-input"), r.err());
        r = CliRunner.run("eval-tracking", "--models-dir", MODELS, "--appearance", "maybe");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("--appearance must be on or off, got 'maybe'"), r.err());
    }

    @Test
    void appearanceOnAndOffAreBothMeasuredOnTheSameRecording() throws Exception {
        Path input = dir.resolve("input.bin");
        CliRunner.Result live = CliRunner.run("eval-tracking", "--models-dir", MODELS, "--people", "8", "--frames", "40",
                "--bar", "--tracker", "tracker", "--record-input", input.toString());
        assertEquals(0, live.code(), live.err());
        CliRunner.Result on = CliRunner.run("eval-tracking", "--models-dir", MODELS, "--frames", "40", "--tracker", "tracker",
                "--appearance", "on", "--replay", input.toString());
        CliRunner.Result off = CliRunner.run("eval-tracking", "--models-dir", MODELS, "--frames", "40", "--tracker", "tracker",
                "--appearance", "off", "--replay", input.toString());
        assertEquals(0, on.code(), on.err());
        assertEquals(0, off.code(), off.err());
        assertEquals(live.out(), on.out(), "on is the default");
        assertTrue(off.out().contains("tracker: frames 40,"), off.out());
    }
}
