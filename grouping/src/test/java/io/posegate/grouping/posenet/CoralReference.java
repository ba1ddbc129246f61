package io.posegate.grouping.posenet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.grouping.Poses;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Coral's own decoder output on {@code media/test_couple.jpg} ({@code reference-test_couple.csv} in
 * {@code $POSEGATE_SHARED/models/posenet-mobilenet-v1-075}), the input image it was made on, and the
 * issue's acceptance check: the same people, pose scores within 0.05, and at least 30 of the 34
 * keypoints within Coral's test tolerance (4 px, 0.1 score). Used by the backends' real-model tests.
 */
public final class CoralReference {
    public static final int WIDTH = 481;
    public static final int HEIGHT = 353;
    public static final int STRIDE = 16;
    /** [pose][keypoint] = {score, x, y}, and pose scores. */
    private final List<float[][]> poses = new ArrayList<>();
    private final List<Float> poseScores = new ArrayList<>();

    private CoralReference() {
    }

    /** The model folder, or a skipped test naming the variable when $POSEGATE_SHARED is unset. */
    public static Path modelDir() {
        String shared = System.getenv("POSEGATE_SHARED");
        assumeTrue(shared != null && !shared.isBlank(), "POSEGATE_SHARED is not set (folder holding models/ and media/)");
        Path dir = Path.of(shared, "models/posenet-mobilenet-v1-075");
        assumeTrue(Files.isDirectory(dir), "POSEGATE_SHARED has no " + dir);
        return dir;
    }

    public static CoralReference load() throws IOException {
        CoralReference r = new CoralReference();
        List<String> lines = Files.readAllLines(modelDir().resolve("reference-test_couple.csv"));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            int pose = Integer.parseInt(f[0].trim());
            while (r.poses.size() <= pose) {
                r.poses.add(new float[17][]);
                r.poseScores.add(0f);
            }
            r.poseScores.set(pose, Float.parseFloat(f[1].trim()));
            int k = r.poses.get(pose)[0] == null ? 0 : count(r.poses.get(pose));
            r.poses.get(pose)[k] = new float[] {Float.parseFloat(f[3].trim()), Float.parseFloat(f[4].trim()),
                Float.parseFloat(f[5].trim())};
        }
        return r;
    }

    private static int count(float[][] kps) {
        int n = 0;
        while (n < kps.length && kps[n] != null) {
            n++;
        }
        return n;
    }

    /**
     * test_couple.jpg resized with nearest neighbour to 481x353, as packed RGB ints in raster order. The
     * source pixel of output pixel x is {@code floor((x + 0.5) * in / out)} (PIL's NEAREST, pixel centres).
     */
    public static int[] image() throws IOException {
        Path file = modelDir().resolve("../../media/test_couple.jpg").normalize();
        assumeTrue(Files.isRegularFile(file), "POSEGATE_SHARED has no " + file);
        BufferedImage src = ImageIO.read(file.toFile());
        int[] rgb = new int[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            int sy = (int) Math.floor((y + 0.5) * src.getHeight() / HEIGHT);
            for (int x = 0; x < WIDTH; x++) {
                int sx = (int) Math.floor((x + 0.5) * src.getWidth() / WIDTH);
                rgb[y * WIDTH + x] = src.getRGB(sx, sy) & 0xffffff;
            }
        }
        return rgb;
    }

    /**
     * Asserts the criteria on {@code got} (coordinates in cells, times {@link #STRIDE} = pixels) and
     * returns a per-keypoint report.
     */
    public String assertMatches(Poses got, String what) {
        StringBuilder report = new StringBuilder(what + ":\n");
        assertEquals(poses.size(), got.count(), what + ": people found");
        int close = 0;
        boolean scoresOk = true;
        for (int p = 0; p < poses.size(); p++) {
            int best = nearest(got, p);
            float scoreDiff = Math.abs(got.personScore(best) - poseScores.get(p));
            report.append(String.format("  person %d (ours %d): score %.4f vs %.4f%n", p, best, got.personScore(best),
                    poseScores.get(p)));
            scoresOk &= scoreDiff <= 0.05f;
            for (int k = 0; k < 17; k++) {
                float[] ref = poses.get(p)[k];
                float x = got.x(best, k) * STRIDE;
                float y = got.y(best, k) * STRIDE;
                double d = Math.hypot(x - ref[1], y - ref[2]);
                float ds = Math.abs(got.score(best, k) - ref[0]);
                boolean ok = d <= 4 && ds <= 0.1f;
                close += ok ? 1 : 0;
                report.append(String.format("    kp %2d %s ours (%.1f,%.1f) %.3f  coral (%.1f,%.1f) %.3f  %.1f px%n", k,
                        ok ? "ok  " : "MISS", x, y, got.score(best, k), ref[1], ref[2], ref[0], d));
            }
        }
        report.append("  keypoints within 4 px and 0.1: ").append(close).append(" of ").append(17 * poses.size());
        assertTrue(scoresOk, what + ": pose scores differ by more than 0.05\n" + report);
        assertTrue(close >= 30, what + ": only " + close + " of 34 keypoints match\n" + report);
        return report.toString();
    }

    private int nearest(Poses got, int p) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int i = 0; i < got.count(); i++) {
            double d = 0;
            for (int k = 0; k < 17; k++) {
                d += Math.hypot(got.x(i, k) * STRIDE - poses.get(p)[k][1], got.y(i, k) * STRIDE - poses.get(p)[k][2]);
            }
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
