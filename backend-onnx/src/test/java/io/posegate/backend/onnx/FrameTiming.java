package io.posegate.backend.onnx;

import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ElementType;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Informational timing of {@code human-pose-estimation-0001} (256x456) through the backend, for the
 * README; not a test. Usage: {@code FrameTiming MODEL.onnx [frames]}. Prints mean ms per frame for 1 and
 * 2 intra-op threads, measured in the same run, and their ratio.
 */
public final class FrameTiming {
    private FrameTiming() {
    }

    public static void main(String[] args) {
        ModelSpec spec = new ModelSpec(ModelFormat.ONNX, Path.of(args[0]), "data", new long[] {1, 3, 256, 456},
                List.of("Mconv7_stage2_L2", "Mconv7_stage2_L1"));
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        double one = millisPerFrame(spec, "1", frames);
        double two = millisPerFrame(spec, "2", frames);
        System.out.printf("intraOpThreads=1: %.1f ms/frame, intraOpThreads=2: %.1f ms/frame, ratio %.2f (%d frames each)%n",
                one, two, one / two, frames);
    }

    private static double millisPerFrame(ModelSpec spec, String threads, int frames) {
        try (BackendSession s = new OnnxBackendProvider().open(spec, BackendOptions.of(Map.of("intraOpThreads", threads)))) {
            Tensor input = Tensor.allocate("data", ElementType.FLOAT32, spec.inputShape());
            s.run(input).close();
            long start = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                s.run(input).close();
            }
            return (System.nanoTime() - start) / 1e6 / frames;
        }
    }
}
