package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.grouping.io.Npy;
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
        Npy.write(dir.resolve("hm.npy"), new int[] {1, hmChannels, h, w}, hm);
        Npy.write(dir.resolve("paf.npy"), new int[] {1, pafChannels, h, w}, paf);
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
