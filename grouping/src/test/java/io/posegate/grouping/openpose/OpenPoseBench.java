package io.posegate.grouping.openpose;

import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Maps;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
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

/** OpenPoseDecoder grouping on 32x57 maps (256x456 input): production vs the reference transcription. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OpenPoseBench {
    private static final Topology TOPOLOGY = Topologies.coco18OpenPose();
    @Param({"1", "5", "20"})
    public int people;
    private Maps maps;
    private OpenPoseGrouper grouper;
    private Poses out;

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        float body = people == 20 ? 7f : 14f;
        maps = Maps.render(TOPOLOGY, Maps.randomPeople(rnd, TOPOLOGY, people, 32, 57, body, 0.1f), 32, 57, 1f, 1.5f)
                .perturb(rnd, 0.02f, 0f);
        grouper = new OpenPoseGrouper(TOPOLOGY, GroupingParams.openPoseDefaults());
        out = new Poses(TOPOLOGY.keypointCount(), 100);
    }

    @Benchmark
    public int production() {
        grouper.group(maps.heatmaps, maps.pafs, out);
        return out.count();
    }

    @Benchmark
    public int reference() {
        return ReferenceOpenPose.decode(maps.heatmaps, maps.pafs, TOPOLOGY, GroupingParams.openPoseDefaults()).size();
    }
}
