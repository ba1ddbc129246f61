package io.posegate.gateway.demo;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputSpec;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.model.Preprocessor;
import io.posegate.spi.ElementType;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import java.nio.file.Path;
import java.util.List;

/** Shared set-up for the demo tests: the shipped model file and the demo's stretch pre-processing. */
final class DemoFixture {
    static final int INPUT_H = 256;
    static final int INPUT_W = 456;
    static final int STRIDE = 4;

    private DemoFixture() {
    }

    /** The demo descriptor's model file ({@code config/models/demo.sim.properties}) of this checkout. */
    static Path modelFile() {
        return ModelDescriptors.resolve("demo-simulated", Path.of("..", "config", "models")).modelFile();
    }

    /** The simulated model on an input of h x w, as the gateway would open it. */
    static ModelSpec spec(int h, int w) {
        return new ModelSpec(SimulatedBackendProvider.FORMAT, modelFile(), "image", new long[] {1, 3, h, w}, List.of("heatmaps", "pafs"));
    }

    /** The gateway's own pre-processor as the demo descriptor configures it: stretch, RGB, 0..255. */
    static Preprocessor preprocessor(int h, int w) {
        return new Preprocessor(new InputSpec("image", h, w, InputSpec.ColorOrder.RGB, 1f, new float[3],
                new float[] {1, 1, 1}, InputSpec.ResizePolicy.STRETCH, 0f));
    }

    /** Renders scene frame {@code n} and pre-processes it into a new input tensor of h x w. */
    static Tensor input(DemoScene scene, long n, int h, int w) {
        VideoFrame frame = new VideoFrame();
        scene.render(n, frame.reshape(scene.width(), scene.height()));
        Tensor t = Tensor.allocate("image", ElementType.FLOAT32, 1, 3, h, w);
        preprocessor(h, w).preprocess(frame, t);
        return t;
    }
}
