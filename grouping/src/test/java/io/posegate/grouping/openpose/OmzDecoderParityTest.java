package io.posegate.grouping.openpose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Maps;
import io.posegate.grouping.NpyWriter;
import io.posegate.grouping.OmzPython;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PoseGate's openpose grouping against Open Model Zoo's own Python OpenPoseDecoder on the same maps, bit
 * for bit. The decoder's source comes from the openmodelzoo-modelapi wheel on PyPI and runs in a venv
 * with numpy and scipy ({@link OmzPython}; POSEGATE_OMZ_PYTHON and POSEGATE_OMZ_OPEN_POSE may name a
 * Python and an open_pose.py instead); skips, saying why, when python3 or PyPI is unavailable. Maps here have no exact ties: on tied
 * values the decoder's order follows NumPy's unstable sorts, PoseGate's the raster order.
 */
class OmzDecoderParityTest {
    private static final int FRAMES = 30;

    @TempDir
    Path dir;

    @Test
    void sameFramesGiveTheSamePeopleAsTheOmzDecoder() throws IOException, InterruptedException {
        String python = OmzPython.python();
        String openPose = System.getenv("POSEGATE_OMZ_OPEN_POSE");
        if (openPose == null || openPose.isBlank()) {
            openPose = OmzPython.modelApiSource("open_pose.py").toString();
        }
        Topology t = Topologies.coco18OpenPose();
        OpenPoseGrouper grouper = new OpenPoseGrouper(t, GroupingParams.openPoseDefaults());
        Poses poses = new Poses(18, 100);
        Random rnd = new Random(11);
        StringBuilder json = new StringBuilder("[");
        for (int f = 0; f < FRAMES; f++) {
            Maps m = Maps.render(t, Maps.randomPeople(rnd, t, rnd.nextInt(21), 32, 57, 6 + rnd.nextFloat() * 20,
                    rnd.nextFloat() * 0.3f), 32, 57, 0.8f + rnd.nextFloat(), 1.5f).perturb(rnd, new float[] {0, 0.05f, 0.15f}[f % 3], 0);
            NpyWriter.write(m.heatmaps, dir.resolve("heatmaps" + f + ".npy"));
            NpyWriter.write(m.pafs, dir.resolve("pafs" + f + ".npy"));
            grouper.group(m.heatmaps, m.pafs, poses);
            json.append(f == 0 ? "" : ",").append(toJson(poses));
        }
        Files.writeString(dir.resolve("posegate.json"), json.append(']'));
        Path script = dir.resolve("omz_decoder_parity.py");
        try (InputStream in = getClass().getResourceAsStream("/omz_decoder_parity.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(python, script.toString(), openPose, dir.toString(), String.valueOf(FRAMES))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(out);
        assertEquals(0, p.waitFor(), out);
    }

    private static String toJson(Poses poses) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < poses.count(); i++) {
            s.append(i == 0 ? "" : ",").append("{\"score\":").append(poses.personScore(i)).append(",\"keypoints\":[");
            for (int k = 0; k < poses.keypointCount(); k++) {
                s.append(k == 0 ? "" : ",").append(poses.present(i, k)
                        ? "[" + poses.x(i, k) + "," + poses.y(i, k) + "," + poses.score(i, k) + "]" : "null");
            }
            s.append("]}");
        }
        return s.append(']').toString();
    }
}
