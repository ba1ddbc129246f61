package io.posegate.gateway.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;

/** Config trees, as a gateway's config file holds them, for gateways on a free port that run the demo's simulated model. */
public final class GatewayTrees {
    /** The repository's {@code config/models} folder (tests run in {@code gateway/}). */
    public static final Path MODELS = Path.of("..", "config", "models").toAbsolutePath().normalize();

    private GatewayTrees() {
    }

    /** Model {@code demo-simulated} from {@code modelsDir} on {@code backend}, and stream {@code a}: the demo at {@code fps}. */
    public static JsonObject demo(Path modelsDir, String backend, int fps) {
        return new JsonObject().put("http", new JsonObject().put("port", 0)).put("model", "demo-simulated")
                .put("modelsDir", modelsDir.toString()).put("backend", backend)
                .put("streams", new JsonObject().put("a", new JsonObject().put("source", "demo:?fps=" + fps)));
    }

    /**
     * {@link #demo} at 5 fps plus stream {@code b}, also the demo at 5 fps, on model {@code test} (the ONNX test model,
     * see {@link #writeDemoAndTestModels}); {@code b} follows the default backend.
     */
    public static JsonObject withTestModelStream(Path modelsDir, String backend) {
        JsonObject tree = demo(modelsDir, backend, 5);
        tree.getJsonObject("streams").put("b", new JsonObject().put("source", "demo:?fps=5").put("model", "test"));
        return tree;
    }

    /** Writes the demo's simulated descriptor and the ONNX test model ({@code test}) into {@code dir}, a models folder. */
    public static void writeDemoAndTestModels(Path dir) throws IOException {
        TestDescriptors.demoCopy(dir, "");
        TestDescriptors.write(dir, "heatmaps", 4);
    }
}
