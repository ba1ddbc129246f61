package io.posegate.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.testing.TestDescriptors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw loop's {@code auto} picks among backends probed with the options it opens them with, as the gateway does. */
class RawLoopTest {
    @TempDir
    Path dir;

    @Test
    void autoSkipsABackendItsOptionsMakeUnavailable() throws Exception {
        BackendRegistry plain = BackendRegistry.discover();
        assumeTrue(plain.probe("onnx").available(), "onnx unavailable");
        // OpenVINO, found without options and above onnx, would be auto's pick unconfigured
        assumeTrue(plain.select("auto", io.posegate.spi.ModelFormat.ONNX).name().equals("openvino"), "openvino is not auto's pick here");
        Path yaml = TestDescriptors.write(dir, "heatmaps", 4);
        Files.writeString(yaml, Files.readString(yaml) + "backends:\n  openvino:\n    libraryPath: " + dir.resolve("no-openvino") + "\n");
        RawLoop.Result r = RawLoop.measure(ModelDescriptors.load(yaml), "auto", Map.of(), 0, 0.05);
        assertTrue(r.backend().startsWith("onnx:"), r.backend());
    }
}
