package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.posegate.gateway.config.BackendNames;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.testing.TestDescriptors;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The gateway half of {@code posegate bench pipeline} gets the raw loop's options: under the named backend, or with
 * {@code --backend auto} under every backend (there is no {@code backends.auto}), as the raw loop probes and opens
 * each with them.
 */
class PipelineBenchModelTest {
    @TempDir
    Path dir;

    private GatewayConfig config(String backend) throws Exception {
        Path yaml = TestDescriptors.write(dir, "heatmaps", 4);
        PipelineBenchCommand cmd = new PipelineBenchCommand();
        new CommandLine(cmd).parseArgs("--model", yaml.toString(), "--models-dir", dir.toString(), "--backend", backend,
                "--backend-option", "libraryPath=/opt/ov");
        ModelDescriptor d = ModelDescriptors.load(yaml);
        return GatewayConfigs.parse(new PipelineBenchModel(cmd).config(d), dir);
    }

    @Test
    void autoGivesTheOptionsToEveryBackend() throws Exception {
        GatewayConfig auto = config("auto");
        assertEquals("auto", auto.backend());
        for (String b : BackendNames.known()) {
            assertEquals(Map.of("libraryPath", "/opt/ov"), auto.backendOptions().get(b), b);
        }
        GatewayConfig named = config("openvino");
        assertEquals(Map.of("openvino", Map.of("libraryPath", "/opt/ov")), named.backendOptions());
    }
}
