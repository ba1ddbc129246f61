package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.testing.TestDescriptors;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear error naming the problem and a non-zero exit code. */
class CliErrorsTest {
    @TempDir
    Path dir;
    Path image;

    @BeforeEach
    void image() throws Exception {
        image = dir.resolve("img.png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR), "png", image.toFile());
    }

    private Path descriptor(String heatmapName, int stride) throws Exception {
        return TestDescriptors.write(dir, heatmapName, stride);
    }

    @Test
    void inferRunsTheGeneratedModelEndToEnd() throws Exception {
        CliRunner.Result r = CliRunner.run("infer", "--model", descriptor("heatmaps", 4).toString(), "--image", image.toString(),
                "--backend", "onnx");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"type\":\"poses\"") && r.out().contains("\"backend\":\"onnx:CPU\""), r.out());
    }

    @Test
    void missingModelFile() throws Exception {
        CliRunner.Result r = CliRunner.run("infer", "--model", descriptor("heatmaps", 4).toString(), "--model-file",
                dir.resolve("absent.onnx").toString(), "--image", image.toString(), "--backend", "onnx");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("absent.onnx"), r.err());
    }

    @Test
    void corruptModelFile() throws Exception {
        Path bad = Files.write(dir.resolve("corrupt.onnx"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        CliRunner.Result r = CliRunner.run("infer", "--model", descriptor("heatmaps", 4).toString(), "--model-file",
                bad.toString(), "--image", image.toString(), "--backend", "onnx");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("corrupt.onnx"), r.err());
    }

    @Test
    void descriptorOutputNameNotInModel() throws Exception {
        CliRunner.Result r = CliRunner.run("infer", "--model", descriptor("cmap", 4).toString(), "--image", image.toString(),
                "--backend", "onnx");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("cmap"), r.err());
    }

    @Test
    void descriptorShapeNotMatchingModel() throws Exception {
        CliRunner.Result r = CliRunner.run("infer", "--model", descriptor("heatmaps", 8).toString(), "--image", image.toString(),
                "--backend", "onnx");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("stride 8") && r.err().contains("output.tensors.heatmaps"), r.err());
    }

    @Test
    void unknownBackendListsTheKnownOnes() throws Exception {
        CliRunner.Result r = CliRunner.run("infer", "--model", descriptor("heatmaps", 4).toString(), "--image", image.toString(),
                "--backend", "cuda-magic");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("unknown backend 'cuda-magic'") && r.err().contains("onnx"), r.err());
    }

    @Test
    void unreadableConfig() throws Exception {
        Path broken = Files.writeString(dir.resolve("gateway.yaml"), "http: {port: [oops\n");
        CliRunner.Result r = CliRunner.run("run", "--config", broken.toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("gateway.yaml"), r.err());
        CliRunner.Result missing = CliRunner.run("run", "--config", dir.resolve("nope.yaml").toString());
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("nope.yaml"), missing.err());
    }

    @Test
    void backendsListsEveryProviderWithAvailability() {
        CliRunner.Result r = CliRunner.run("backends");
        assertEquals(0, r.code());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("onnx") && l.contains("available")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("simulated")), r.out());
    }
}
