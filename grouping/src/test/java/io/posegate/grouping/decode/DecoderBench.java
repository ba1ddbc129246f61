package io.posegate.grouping.decode;

import io.posegate.grouping.Maps;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.grouping.embedding.AeMaps;
import io.posegate.grouping.posenet.PoseNetMaps;
import java.util.Map;
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
 * Every decoder through the {@link PoseDecoder} contract on synthetic maps of its family's usual size,
 * with the PAF decoder (openpose strategy, human-pose-estimation-0001's 32x57 maps) as the baseline of
 * the same run:
 * {@code paf} 19+38 x 32x57; {@code posenet} 17+34+64 x 23x31 (353x481 input); {@code single-person}
 * 14 x 48x48 (hourglass) with the demo's 5x5 blur, quarter or DARK refinement; {@code associative-embedding}
 * 17+17 x 64x64 and 128x128 (HigherHRNet at 256 and 512 input).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecoderBench {
    @Param({"paf", "posenet", "single-person", "single-person-dark", "associative-embedding-64", "associative-embedding-128"})
    public String decoder;
    @Param({"1", "5"})
    public int people;
    private PoseDecoder d;
    private DecoderInputs inputs;
    private Poses out;

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        Topology t;
        if (decoder.equals("paf")) {
            t = Topologies.coco18OpenPose();
            Maps m = Maps.render(t, Maps.randomPeople(rnd, t, people, 32, 57, 32 / 2.5f, 0.1f), 32, 57, 1f, 1f)
                    .perturb(rnd, 0.02f, 0f);
            d = Decoders.create("paf", t, DecoderParams.defaults());
            inputs = DecoderInputs.of(Map.of("heatmaps", m.heatmaps, "pafs", m.pafs));
        } else if (decoder.equals("posenet")) {
            t = Topologies.coco17();
            PoseNetMaps m = PoseNetMaps.render(PoseNetMaps.randomPeople(rnd, people, 23, 31, 8), 23, 31, 16);
            d = Decoders.create("posenet", t, DecoderParams.defaults());
            inputs = DecoderInputs.of(Map.of("heatmaps", m.heatmaps, "offsets", m.offsets, "displacements", m.displacements));
        } else if (decoder.startsWith("single-person")) {
            t = Topologies.aic14();
            AeMaps m = AeMaps.random(rnd, 14, 1, 48, 48, 0.05f, 0f);
            d = Decoders.create("single-person", t, DecoderParams.of(Map.of("blurKernel", 5,
                    "refine", decoder.endsWith("dark") ? "dark" : "quarter")));
            inputs = DecoderInputs.of(Map.of("heatmaps", m.heatmaps));
        } else {
            t = Topologies.coco17();
            int size = decoder.endsWith("128") ? 128 : 64;
            AeMaps m = AeMaps.random(rnd, 17, people, size, size, 0.05f, 0.1f);
            d = Decoders.create("associative-embedding", t, DecoderParams.defaults());
            inputs = DecoderInputs.of(Map.of("heatmaps", m.heatmaps, "tags", m.tags));
        }
        out = new Poses(t.keypointCount(), 100);
    }

    @Benchmark
    public int decode() {
        d.decode(inputs, out);
        return out.count();
    }
}
