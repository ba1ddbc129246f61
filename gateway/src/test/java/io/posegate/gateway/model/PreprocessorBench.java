package io.posegate.gateway.model;

import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.spi.Tensor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Pre-processing cost per frame for human-pose-estimation-0001's input (456x256 float32 NCHW, BGR,
 * letterbox), new paths against the old one in the same run. {@code perElement} is the old pre-processor
 * ({@link PerElementPreprocessor}); {@code rows} is {@link Preprocessor} as the gateway runs it (the
 * identity path for a picture FFmpeg already scaled to the input's size, the bilinear path otherwise);
 * {@code rowsBilinear} forces the bilinear path. Sources: {@code 341x256} is vtest.avi (768x576) as the
 * decoder delivers it for this model, {@code 455x256} a 720p stream, {@code 768x576} an unscaled picture.
 *
 * <p>{@code mvn -pl gateway -Pbench test-compile exec:exec -Djmh.args="PreprocessorBench -f 1 -wi 3 -i 5 -w 1s -r 1s"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PreprocessorBench {
    @Param({"341x256", "455x256", "768x576"})
    public String source;
    private VideoFrame frame;
    private PerElementPreprocessor perElement;
    private Preprocessor rows;
    private Preprocessor rowsBilinear;
    private Tensor perElementOut;
    private Tensor rowsOut;
    private Tensor rowsBilinearOut;

    @Setup
    public void setUp() {
        InputSpec spec = new InputSpec("data", 256, 456, InputSpec.ColorOrder.BGR, 1f, new float[3],
                new float[] {1, 1, 1}, InputSpec.ResizePolicy.LETTERBOX, 0f);
        String[] wh = source.split("x");
        frame = new VideoFrame();
        byte[] b = frame.reshape(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        new Random(1).nextBytes(b);
        perElement = new PerElementPreprocessor(spec);
        rows = new Preprocessor(spec);
        rowsBilinear = new Preprocessor(spec, false);
        perElementOut = perElement.allocateInput();
        rowsOut = rows.allocateInput();
        rowsBilinearOut = rowsBilinear.allocateInput();
    }

    @Benchmark
    public InputTransform perElement() {
        return perElement.preprocess(frame, perElementOut);
    }

    @Benchmark
    public InputTransform rows() {
        return rows.preprocess(frame, rowsOut);
    }

    @Benchmark
    public InputTransform rowsBilinear() {
        return rowsBilinear.preprocess(frame, rowsBilinearOut);
    }
}
