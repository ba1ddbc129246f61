package io.posegate.grouping.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.NpyWriter;
import io.posegate.grouping.OmzPython;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.grouping.decode.DecoderInputs;
import io.posegate.grouping.decode.DecoderParams;
import io.posegate.grouping.decode.Decoders;
import io.posegate.grouping.decode.PoseDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoder {@code associative-embedding} against Open Model Zoo's own Python AssociativeEmbeddingDecoder
 * (installed from PyPI by {@link OmzPython}; skips, saying why, without it) on synthetic heatmaps and tag
 * maps: the same people, keypoints and scores, bit for bit (coordinates minus PoseGate's half cell).
 */
class AeOmzParityTest {
    private static final int FRAMES = 40;

    @TempDir
    Path dir;

    @Test
    void sameFramesGiveTheSamePeopleAsTheOmzDecoder() throws IOException, InterruptedException {
        String python = OmzPython.python();
        Path source = OmzPython.modelApiSource("hpe_associative_embedding.py");
        Topology t = Topologies.coco17();
        PoseDecoder decoder = Decoders.create("associative-embedding", t, DecoderParams.defaults());
        Poses poses = new Poses(17, 200);
        Random rnd = new Random(21);
        StringBuilder json = new StringBuilder("[");
        int people = 0;
        for (int f = 0; f < FRAMES; f++) {
            int h = 32 + rnd.nextInt(33);
            int w = 32 + rnd.nextInt(33);
            AeMaps m = AeMaps.random(rnd, 17, rnd.nextInt(6), h, w, 0.12f, 0.1f + 0.3f * rnd.nextFloat());
            NpyWriter.write(m.heatmaps, dir.resolve("heatmaps" + f + ".npy"));
            NpyWriter.write(m.tags, dir.resolve("tags" + f + ".npy"));
            decoder.decode(DecoderInputs.of(Map.of("heatmaps", m.heatmaps, "tags", m.tags)), poses);
            people += poses.count();
            json.append(f == 0 ? "" : ",").append(toJson(poses));
        }
        assertTrue(people > FRAMES, "frames should hold people: " + people);
        Files.writeString(dir.resolve("posegate.json"), json.append(']'));
        Path script = dir.resolve("ae_decoder_parity.py");
        try (InputStream in = getClass().getResourceAsStream("/ae_decoder_parity.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(python, script.toString(), source.toString(), dir.toString(),
                String.valueOf(FRAMES), "5").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(out);
        assertEquals(0, p.waitFor(), out);
    }

    static String toJson(Poses poses) {
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
