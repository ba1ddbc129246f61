package io.posegate.gateway.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.demo.DemoScene;
import io.posegate.gateway.demo.SceneOptions;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.grouping.metrics.MotMetrics;
import io.posegate.grouping.metrics.MotSummary;
import io.posegate.spi.BackendOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo scene (8 people, occluding bar, people entering and leaving, frame-time jitter) through the
 * frame pipeline and both trackers, matched to ground truth; the Java CLEAR-MOT and IDF1 figures are
 * compared with PyPI motmetrics 1.4.0 on the same recorded frames. The Python side is installed by the
 * test into a venv under ~/.cache/posegate (pip needs PyPI); without it that test skips, saying why.
 */
class MotMetricsParityTest {
    private static final Map<TrackerKind, DemoTrackingRun.Result> RUNS = new EnumMap<>(TrackerKind.class);

    @TempDir
    static Path dir;

    @BeforeAll
    static void runBothTrackers() throws Exception {
        ModelDescriptor d = ModelDescriptors.resolve("demo-simulated", Path.of("../config/models"));
        try (ModelRuntime rt = ModelRuntime.open(d, BackendRegistry.discover().select("simulated", d.format()),
                BackendOptions.empty())) {
            for (TrackerKind kind : TrackerKind.values()) {
                DemoScene scene = new DemoScene(640, 360, 8, new SceneOptions(true, true, 0.3));
                RUNS.put(kind, DemoTrackingRun.run(scene, 150, 15, rt, kind.create(d)));
            }
        }
    }

    @Test
    void javaMetricsEqualMotmetricsOnTheSameRecordedFrames() throws Exception {
        Path python = motmetricsPython();
        for (TrackerKind kind : TrackerKind.values()) {
            DemoTrackingRun.Result run = RUNS.get(kind);
            Path record = dir.resolve(kind.label() + ".jsonl");
            MotRecord.write(run.frames(), record);
            MotSummary java = MotMetrics.compute(run.frames());
            JsonObject py = runPython(python, record);
            String what = kind.label() + ": java " + java + " vs motmetrics " + py.encode();
            System.out.println(what);
            assertTrue(java.objects() > 500, what);
            assertEquals(py.getDouble("num_frames").intValue(), java.frames(), what);
            assertEquals(py.getDouble("num_objects").intValue(), java.objects(), what);
            assertEquals(py.getDouble("num_predictions").intValue(), java.predictions(), what);
            assertEquals(py.getDouble("num_switches").intValue(), java.switches(), what);
            assertEquals(py.getDouble("num_false_positives").intValue(), java.falsePositives(), what);
            assertEquals(py.getDouble("num_misses").intValue(), java.misses(), what);
            assertEquals(py.getDouble("idtp").intValue(), java.idtp(), what);
            assertEquals(py.getDouble("mota"), java.mota(), 1e-9, what);
            assertEquals(py.getDouble("idf1"), java.idf1(), 1e-9, what);
        }
        assertTrue(MotMetrics.compute(RUNS.get(TrackerKind.GREEDY).frames()).switches() > 10,
                "the greedy tracker's switches exercise the switch bookkeeping");
    }

    @Test
    void theTrackerKeepsIdentitiesBetterThanTheGreedyOne() {
        MotSummary greedy = MotMetrics.compute(RUNS.get(TrackerKind.GREEDY).frames());
        MotSummary tracker = MotMetrics.compute(RUNS.get(TrackerKind.TRACKER).frames());
        String both = "greedy " + greedy + "; tracker " + tracker + "; ids: greedy " + RUNS.get(TrackerKind.GREEDY).people()
                + ", tracker " + RUNS.get(TrackerKind.TRACKER).people();
        System.out.println(both);
        assertTrue(tracker.idf1() > greedy.idf1() + 0.2, both);
        assertTrue(tracker.switches() * 3 < greedy.switches(), both);
        assertTrue(tracker.falsePositiveRate() < 0.05 && tracker.falsePositiveRate() < greedy.falsePositiveRate(), both);
        assertTrue(RUNS.get(TrackerKind.TRACKER).people().distinctIds() * 4 < RUNS.get(TrackerKind.GREEDY).people().distinctIds(), both);
    }

    /** A Python with motmetrics 1.4.0: a venv under ~/.cache/posegate, made with pip on first use. */
    private static Path motmetricsPython() throws Exception {
        Path venv = Path.of(System.getProperty("user.home"), ".cache", "posegate", "motmetrics-venv");
        Path python = venv.resolve("bin/python");
        if (!Files.isExecutable(python) || exec(python.toString(), "-c", "import motmetrics") != 0) {
            Files.createDirectories(venv.getParent());
            int made = exec("python3", "-m", "venv", venv.toString());
            assumeTrue(made == 0, "cannot make a Python venv at " + venv + " (python3 -m venv exited " + made
                    + "): skipping the motmetrics comparison");
            int pip = exec(venv.resolve("bin/pip").toString(), "install", "-q", "motmetrics==1.4.0");
            assumeTrue(pip == 0, "pip could not install motmetrics==1.4.0 from PyPI (exit " + pip
                    + "): skipping the motmetrics comparison");
        }
        return python;
    }

    private static int exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("exec.log").toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static JsonObject runPython(Path python, Path record) throws Exception {
        Path script = Path.of("src/test/resources/motmetrics_check.py").toAbsolutePath();
        Process p = new ProcessBuilder(python.toString(), script.toString(), record.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "motmetrics did not finish");
        assertEquals(0, p.exitValue(), out);
        return new JsonObject(out.strip().lines().reduce((a, b) -> b).orElse("{}"));
    }
}
