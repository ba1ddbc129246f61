package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.NpyWriter;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.grouping.synth.TargetRenderer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GroupCommandTest {
    private static final Path HPE_DESCRIPTOR = Path.of("../config/models/human-pose-estimation-0001.yaml");
    /** trt_pose's human_pose.json category (keypoint names and 1-based skeleton). */
    private static final String HUMAN_POSE_JSON = "{\"supercategory\": \"person\", \"id\": 1, \"name\": \"person\", "
            + "\"keypoints\": [\"nose\", \"left_eye\", \"right_eye\", \"left_ear\", \"right_ear\", \"left_shoulder\", "
            + "\"right_shoulder\", \"left_elbow\", \"right_elbow\", \"left_wrist\", \"right_wrist\", \"left_hip\", "
            + "\"right_hip\", \"left_knee\", \"right_knee\", \"left_ankle\", \"right_ankle\", \"neck\"], \"skeleton\": "
            + "[[16, 14], [14, 12], [17, 15], [15, 13], [12, 13], [6, 8], [7, 9], [8, 10], [9, 11], [2, 3], [1, 2], "
            + "[1, 3], [2, 4], [3, 5], [4, 6], [5, 7], [18, 1], [18, 6], [18, 7], [18, 12], [18, 13]]}";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonObject json() {
            return new JsonObject(out);
        }
    }

    @Test
    void groupsTrtPoseMapsAndScalesCoordinates() throws IOException {
        Topology t = Topologies.trtPoseHuman();
        float[][][] people = {figure(t, 12.3f, 6.2f), figure(t, 36.2f, 8.3f)};
        writeMaps(t, people, 56, 56, 18, 42);
        Run r = run("--heatmaps", dir.resolve("hm.npy").toString(), "--pafs", dir.resolve("paf.npy").toString(),
                "--strategy", "trt_pose", "--scale", "4");
        assertEquals(0, r.code(), r.err());
        JsonObject json = r.json();
        assertEquals("trt_pose", json.getString("strategy"));
        assertEquals(56, json.getInteger("width"));
        JsonArray found = json.getJsonArray("people");
        assertEquals(2, found.size());
        for (int p = 0; p < 2; p++) {
            JsonObject nose = found.getJsonObject(p).getJsonArray("keypoints").getJsonObject(0);
            assertEquals("nose", nose.getString("name"));
            float[] truth = people[nose.getFloat("x") < 24 * 4 ? 0 : 1][0];
            assertEquals(truth[0] * 4, nose.getFloat("x"), 1f);
            assertEquals(truth[1] * 4, nose.getFloat("y"), 1f);
        }
    }

    @Test
    void readsATrtPoseHumanPoseJsonTopology() throws IOException {
        Topology t = Topologies.trtPoseHuman();
        float[][] person = figure(t, 20.3f, 6.2f);
        person[9] = null;
        writeMaps(t, new float[][][] {person}, 48, 40, 18, 42);
        Files.writeString(dir.resolve("human_pose.json"), HUMAN_POSE_JSON);
        Run r = run("--heatmaps", dir.resolve("hm.npy").toString(), "--pafs", dir.resolve("paf.npy").toString(),
                "--topology", dir.resolve("human_pose.json").toString(), "--pretty");
        assertEquals(0, r.code(), r.err());
        assertEquals("person", r.json().getString("topology"));
        JsonArray kps = r.json().getJsonArray("people").getJsonObject(0).getJsonArray("keypoints");
        assertEquals(18, kps.size());
        assertNull(kps.getValue(9), "the left wrist was not rendered");
        assertEquals("neck", kps.getJsonObject(17).getString("name"));
    }

    @Test
    void takesStrategyTopologyAndParametersFromAModelDescriptor() throws IOException {
        Topology t = Topologies.coco18OpenPose();
        writeMaps(t, new float[][][] {figure(t, 20.3f, 4.2f)}, 32, 57, 19, 38);
        Run r = run("--heatmaps", dir.resolve("hm.npy").toString(), "--pafs", dir.resolve("paf.npy").toString(),
                "--topology", HPE_DESCRIPTOR.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("openpose", r.json().getString("strategy"));
        assertEquals("coco18", r.json().getString("topology"));
        assertEquals(1, r.json().getJsonArray("people").size());
        Run none = run("--heatmaps", dir.resolve("hm.npy").toString(), "--pafs", dir.resolve("paf.npy").toString(),
                "--topology", HPE_DESCRIPTOR.toString(), "--peak-threshold", "2");
        assertEquals(0, none.json().getJsonArray("people").size(), "--peak-threshold overrides the descriptor");
    }

    /**
     * End to end through the posegate command line, both strategies x both formats of issue 14: the trt_pose
     * format's peaks and objects agree with the people format and with the rendered figures.
     */
    @Test
    void trtPoseStrategyPrintsTrtPoseRawOutputAndPeopleThatAgree() throws IOException {
        Topology t = Topologies.trtPoseHuman();
        float[][][] truth = {figure(t, 12.3f, 6.2f), figure(t, 36.2f, 8.3f)};
        truth[1][9] = null;
        writeMaps(t, truth, 40, 56, 18, 42);
        Files.writeString(dir.resolve("human_pose.json"), HUMAN_POSE_JSON);
        String[] base = {"group", "--heatmaps", dir.resolve("hm.npy").toString(), "--pafs", dir.resolve("paf.npy").toString(),
            "--topology", dir.resolve("human_pose.json").toString(), "--strategy", "trt_pose", "--cmap-threshold", "0.1",
            "--link-threshold", "0.1", "--window", "5", "--samples", "7", "--max-parts", "100", "--max-objects", "100"};
        Run raw = main(concat(base, "--format", "trt_pose"));
        assertEquals(0, raw.code(), raw.err());
        JsonObject r = raw.json();
        assertEquals(java.util.Set.of("peak_counts", "normalized_peaks", "object_counts", "objects"), r.fieldNames());
        JsonArray counts = r.getJsonArray("peak_counts");
        assertEquals(18, counts.size());
        assertEquals(1, counts.getInteger(9), "one left wrist rendered");
        assertEquals(2, counts.getInteger(0));
        assertEquals(2, r.getInteger("object_counts"));
        Run ppl = main(concat(base, "--format", "people"));
        assertEquals(0, ppl.code(), ppl.err());
        JsonArray people = ppl.json().getJsonArray("people");
        assertEquals(2, people.size());
        for (int o = 0; o < 2; o++) {
            JsonArray object = r.getJsonArray("objects").getJsonArray(o);
            JsonArray kps = people.getJsonObject(o).getJsonArray("keypoints");
            assertEquals(18, object.size());
            for (int c = 0; c < 18; c++) {
                int peak = object.getInteger(c);
                if (peak < 0) {
                    assertNull(kps.getValue(c), "object " + o + " channel " + c);
                    continue;
                }
                JsonArray yx = r.getJsonArray("normalized_peaks").getJsonArray(c).getJsonArray(peak);
                JsonArray xys = kps.getJsonArray(c);
                assertEquals(yx.getFloat(1) * 56, xys.getFloat(0), 1e-3, "x = normalized x * W, channel " + c);
                assertEquals(yx.getFloat(0) * 40, xys.getFloat(1), 1e-3, "y = normalized y * H, channel " + c);
                float[] want = truth[xys.getFloat(0) < 28 ? 0 : 1][c];
                assertEquals(want[0], xys.getFloat(0), 1f, "heatmap pixels, channel " + c);
                assertEquals(want[1], xys.getFloat(1), 1f);
            }
        }
        String[] capped = base.clone();
        capped[capped.length - 1] = "1";
        Run one = main(concat(capped, "--format", "trt_pose"));
        assertEquals(1, one.json().getInteger("object_counts"), "--max-objects 1");
        assertEquals(1, one.json().getJsonArray("objects").size());
    }

    @Test
    void openPoseStrategyPrintsPeopleAndRefusesTrtPoseOnlyOutput() throws IOException {
        Topology t = Topologies.coco18OpenPose();
        float[][] person = figure(t, 20.3f, 4.2f);
        writeMaps(t, new float[][][] {person}, 32, 57, 19, 38);
        String[] base = {"group", "--heatmaps", dir.resolve("hm.npy").toString(), "--pafs", dir.resolve("paf.npy").toString(),
            "--topology", HPE_DESCRIPTOR.toString(), "--strategy", "openpose"};
        Run ppl = main(concat(base, "--format", "people", "--link-threshold", "0.05"));
        assertEquals(0, ppl.code(), ppl.err());
        JsonArray people = ppl.json().getJsonArray("people");
        assertEquals(1, people.size());
        JsonArray neck = people.getJsonObject(0).getJsonArray("keypoints").getJsonArray(1);
        assertEquals(person[1][0], neck.getFloat(0), 1f);
        assertEquals(person[1][1], neck.getFloat(1), 1f);
        assertTrue(neck.getFloat(2) > 0.5f, "keypoint score " + neck);
        Run none = main(concat(base, "--format", "people", "--cmap-threshold", "2"));
        assertEquals(0, none.json().getJsonArray("people").size(), "--cmap-threshold overrides the descriptor");
        Run refused = main(concat(base, "--format", "trt_pose"));
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("--format trt_pose") && refused.err().contains("openpose"), refused.err());
        Run scaled = main(concat(base, "--format", "people", "--scale", "8"));
        assertEquals(2, scaled.code());
        assertTrue(scaled.err().contains("--scale"), scaled.err());
        Run unknown = main(concat(base, "--format", "csv"));
        assertTrue(unknown.err().contains("known: trt_pose, people, posegate"), unknown.err());
        Run even = main(concat(base, "--format", "people", "--window", "2"));
        assertEquals(2, even.code(), even.out());
        assertTrue(even.err().contains("openpose window (the max-pool kernel) must be odd, got 2"), even.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Through the whole posegate command line, as {@code java -jar posegate.jar ...} runs it. */
    private static Run main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = io.posegate.gateway.cli.Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void explainsBadInput() throws IOException {
        Topology t = Topologies.coco18OpenPose();
        writeMaps(t, new float[][][] {figure(t, 20.3f, 4.2f)}, 32, 57, 19, 38);
        String hm = dir.resolve("hm.npy").toString();
        String paf = dir.resolve("paf.npy").toString();
        assertError(run("--heatmaps", hm, "--pafs", paf, "--strategy", "openpifpaf"), "'openpifpaf'");
        assertError(run("--heatmaps", hm, "--pafs", paf), "--strategy");
        assertError(run("--heatmaps", hm, "--pafs", paf, "--strategy", "trt_pose"), "pafs have 38 channels");
        assertError(run("--heatmaps", hm, "--pafs", dir.resolve("missing.npy").toString(), "--strategy", "openpose"),
                "missing.npy");
        Files.writeString(dir.resolve("t.txt"), "x");
        assertError(run("--heatmaps", hm, "--pafs", paf, "--topology", dir.resolve("t.txt").toString()), "t.txt");
        Files.writeString(dir.resolve("bad.json"), "{\"keypoints\": [\"a\"]}");
        assertError(run("--heatmaps", hm, "--pafs", paf, "--topology", dir.resolve("bad.json").toString()), "skeleton");
    }

    /** A malformed human_pose.json is an error naming the file and the field, never an NPE or a cast failure. */
    @Test
    void namesMalformedTopologyJson() throws IOException {
        Topology t = Topologies.trtPoseHuman();
        writeMaps(t, new float[][][] {figure(t, 12.3f, 6.2f)}, 32, 57, 18, 42);
        String[][] cases = {
            {"{\"keypoints\":[\"a\",\"b\"],\"skeleton\":[[1,null]]}", "skeleton entry 0 must be two 1-based keypoint numbers, got [1,null]"},
            {"{\"keypoints\":[\"a\",\"b\"],\"skeleton\":[[\"1\",\"2\"]]}", "skeleton entry 0 must be two"},
            {"{\"keypoints\":[\"a\",\"b\"],\"skeleton\":[[1,2],[1.7,2.2]]}", "skeleton entry 1 must be two 1-based keypoint numbers, got [1.7,2.2]"},
            {"{\"keypoints\":[\"a\",\"b\"],\"skeleton\":[1,2]}", "skeleton entry 0 must be two"},
            {"{\"keypoints\":\"ab\",\"skeleton\":[[1,2]]}", "\"keypoints\" must be an array of keypoint names, got ab"},
            {"{\"keypoints\":[\"a\",7],\"skeleton\":[[1,2]]}", "keypoints entry 1 must be a name"},
            {"{\"keypoints\":[\"a\",\"b\"],\"skeleton\":{\"a\":1}}", "\"skeleton\" must be an array"},
            {"{\"name\":3,\"keypoints\":[\"a\",\"b\"],\"skeleton\":[[1,2]]}", "\"name\" must be a string"},
            {"[1, 2]", "not a JSON object"},
        };
        for (int i = 0; i < cases.length; i++) {
            Path json = Files.writeString(dir.resolve("t" + i + ".json"), cases[i][0]);
            Run r = run("--heatmaps", dir.resolve("hm.npy").toString(), "--pafs", dir.resolve("paf.npy").toString(),
                    "--topology", json.toString());
            assertError(r, json + ": " + cases[i][1]);
        }
    }

    /** Sizes that would overflow or exhaust memory, and NaN thresholds, are errors naming the flag or descriptor key. */
    @Test
    void boundsSizesAndRefusesNaNThresholds() throws IOException {
        Topology t = Topologies.trtPoseHuman();
        writeMaps(t, new float[][][] {figure(t, 12.3f, 6.2f)}, 32, 57, 18, 42);
        String hm = dir.resolve("hm.npy").toString();
        String paf = dir.resolve("paf.npy").toString();
        assertError(run("--heatmaps", hm, "--pafs", paf, "--strategy", "trt_pose", "--max-parts", "50000"),
                "--max-parts must be 1..1000, got 50000");
        assertError(run("--heatmaps", hm, "--pafs", paf, "--strategy", "trt_pose", "--max-objects", "2000000000"),
                "--max-objects (--max-people) must be 1..1000, got 2000000000");
        assertError(run("--heatmaps", hm, "--pafs", paf, "--strategy", "trt_pose", "--cmap-threshold", "NaN"),
                "--cmap-threshold (--peak-threshold) must be a finite number, got NaN");
        Path big = dir.resolve("trt-bigM.yaml");
        Files.writeString(big, Files.readString(Path.of("../config/models/trt_pose_resnet18.yaml"))
                .replace("maxPeaks: 100", "maxPeaks: 50000"));
        assertError(run("--heatmaps", hm, "--pafs", paf, "--topology", big.toString()), "maxPeaks must be 1..1000, got 50000");
    }

    /** A NaN in the heatmaps (a broken network output) is an error naming the cell, not a person scored NaN. */
    @Test
    void refusesNonFiniteMaps() throws IOException {
        Topology t = Topologies.trtPoseHuman();
        writeMaps(t, new float[][][] {figure(t, 12.3f, 6.2f)}, 32, 57, 18, 42);
        float[] hm = new float[18 * 32 * 57];
        hm[5 * 57 + 29] = Float.NaN;
        NpyWriter.write(dir.resolve("nan.npy"), new int[] {18, 32, 57}, hm);
        assertError(run("--heatmaps", dir.resolve("nan.npy").toString(), "--pafs", dir.resolve("paf.npy").toString(),
                "--strategy", "trt_pose", "--format", "people"), "heatmaps channel 0 (nose) holds NaN at y=5, x=29");
    }

    private static void assertError(Run r, String fragment) {
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(fragment), r.err());
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new GroupCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private void writeMaps(Topology t, float[][][] people, int h, int w, int hmChannels, int pafChannels)
            throws IOException {
        float[] hm = new float[hmChannels * h * w];
        float[] paf = new float[pafChannels * h * w];
        new TargetRenderer(t, 1f, 1.5f).render(people, FeatureMap.of(hm, hmChannels, h, w), FeatureMap.of(paf, pafChannels, h, w));
        NpyWriter.write(dir.resolve("hm.npy"), new int[] {1, hmChannels, h, w}, hm);
        NpyWriter.write(dir.resolve("paf.npy"), new int[] {1, pafChannels, h, w}, paf);
    }

    /**
     * A standing figure about 12 x 24 cells with its head near (x, y); every point sits in the upper-left
     * part of its cell so no Gaussian peak straddles two cells.
     */
    private static float[][] figure(Topology t, float x, float y) {
        float[][] kp = new float[t.keypointCount()][];
        for (int k = 0; k < kp.length; k++) {
            String n = t.keypoints().get(k);
            float side = n.startsWith("left") ? 1 : n.startsWith("right") ? -1 : 0;
            float dy = n.contains("eye") ? -1 : n.contains("ear") ? -0.5f : n.equals("neck") ? 3 : n.contains("shoulder") ? 3.5f
                    : n.contains("elbow") ? 7.5f : n.contains("wrist") ? 11 : n.contains("hip") ? 12 : n.contains("knee") ? 17.5f
                    : n.contains("ankle") ? 22.5f : 0;
            float dx = side * (n.contains("eye") ? 1 : n.contains("ear") ? 2 : n.contains("shoulder") ? 3 : n.contains("elbow") ? 4
                    : n.contains("wrist") ? 5 : 2);
            kp[k] = new float[] {(float) Math.floor(x + dx) + 0.3f, (float) Math.floor(y + dy) + 0.3f};
        }
        return kp;
    }
}
