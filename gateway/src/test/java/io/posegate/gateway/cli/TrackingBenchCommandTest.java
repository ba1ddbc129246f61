package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.eval.GroupedRecording;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code posegate bench tracking}, end to end on the demo scene (simulated model), and its refusals. */
class TrackingBenchCommandTest {
    private static final String MODELS = "../config/models";
    private static final String DEMO = "demo:?people=4&width=640&height=360&fps=240";

    @TempDir
    Path dir;

    @Test
    void reportsGroupingColoursAndTrackingOfTheMedianPass() throws Exception {
        Path input = dir.resolve("input.bin");
        CliRunner.Result r = CliRunner.run("bench", "tracking", "--models-dir", MODELS, "--source", DEMO, "--frames", "30",
                "--warmup", "1", "--passes", "3", "--record-input", input.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("through demo-simulated on simulated"), r.out());
        assertTrue(r.out().contains("recorded 30 frames; 1 warm-up and 3 measured passes, tracker tracker, appearance on"), r.out());
        Matcher people = Pattern.compile("per frame: ([0-9.]+) detections in, ([0-9.]+) people published").matcher(r.out());
        assertTrue(people.find(), r.out());
        assertTrue(Double.parseDouble(people.group(2)) > 2 && Double.parseDouble(people.group(1)) >= Double.parseDouble(people.group(2)), r.out());
        Matcher median = Pattern.compile("median pass: grouping ([0-9.]+) us, colour sampling ([0-9.]+) us, tracking ([0-9.]+) us").matcher(r.out());
        assertTrue(median.find(), r.out());
        assertTrue(Double.parseDouble(median.group(1)) > 0 && Double.parseDouble(median.group(3)) > 0, r.out());
        assertTrue(r.out().contains("tracking / grouping: ") && r.out().contains("tracker input written to " + input), r.out());
        // the tracker's input, as eval-tracking records it: 30 frames of the grouped people, with their colours
        List<GroupedRecording.Frame> recorded = GroupedRecording.read(input, 18, 100);
        assertEquals(30, recorded.size());
        double mean = recorded.stream().mapToInt(f -> f.poses().count()).average().orElse(0);
        assertEquals(Double.parseDouble(people.group(1)), mean, 0.005, "detections per frame as reported");
        long coloured = recorded.stream().mapToLong(f -> {
            long c = 0;
            for (int p = 0; p < f.poses().count(); p++) {
                for (int i = 0; i < f.poses().appearanceParts(); i++) {
                    c += f.poses().hasColour(p, i) ? 1 : 0;
                }
            }
            return c;
        }).sum();
        assertTrue(coloured > 0, "the limb colours are recorded");

        CliRunner.Result greedy = CliRunner.run("bench", "tracking", "--models-dir", MODELS, "--source", DEMO, "--frames", "10",
                "--warmup", "0", "--passes", "1", "--tracker", "greedy");
        assertEquals(0, greedy.code(), greedy.err());
        assertTrue(greedy.out().contains("tracker greedy, appearance off"), greedy.out());
        assertTrue(greedy.out().contains("colour sampling 0.0 us"), greedy.out());
    }

    @Test
    void refusesBadOptionsNamingThem() {
        CliRunner.Result r = CliRunner.run("bench", "tracking", "--models-dir", MODELS, "--source", DEMO, "--appearance", "maybe");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("--appearance must be on or off, got 'maybe'"), r.err());
        r = CliRunner.run("bench", "tracking", "--models-dir", MODELS, "--source", DEMO, "--passes", "0");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("--passes must be >= 1, got 0"), r.err());
        r = CliRunner.run("bench", "tracking", "--models-dir", MODELS, "--source", DEMO, "--record-input", "/nonexistent/dir/x.rec");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("--record-input: no directory /nonexistent/dir"), r.err());
        r = CliRunner.run("bench", "tracking", "--models-dir", MODELS, "--source", DEMO, "--tracker", "sort");
        assertTrue(r.code() != 0 && r.err().contains("unknown tracker 'sort'; known: tracker, greedy"), r.err());
        r = CliRunner.run("bench", "tracking", "--models-dir", MODELS, "--source", DEMO, "--model", "human-pose-estimation-0001",
                "--model-file", "/nonexistent/model.onnx");
        assertTrue(r.code() != 0 && r.err().contains("--model-file /nonexistent/model.onnx: no such file"), r.err());
    }
}
