package io.posegate.grouping.trtpose;

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

/** trt_pose grouping: production vs the step-by-step reference, on rendered maps with light noise. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrtPoseBench {
    private static final Topology TOPOLOGY = Topologies.trtPoseHuman();
    @Param({"1", "5", "20"})
    public int people;
    @Param({"56", "80"})
    public int size;
    private Maps maps;
    private TrtPoseGrouper grouper;
    private Poses out;

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        float body = people == 20 ? size / 5f : size / 2.5f;
        maps = Maps.render(TOPOLOGY, Maps.randomPeople(rnd, TOPOLOGY, people, size, size, body, 0.1f), size, size,
                1f, 1f).perturb(rnd, 0.02f, 0f);
        grouper = new TrtPoseGrouper(TOPOLOGY, GroupingParams.trtPoseDefaults());
        out = new Poses(TOPOLOGY.keypointCount(), 100);
    }

    @Benchmark
    public int production() {
        grouper.group(maps.heatmaps, maps.pafs, out);
        return out.count();
    }

    @Benchmark
    public int reference() {
        return ReferenceTrtPose.parse(maps.heatmaps, maps.pafs, TOPOLOGY, GroupingParams.trtPoseDefaults()).objectCount();
    }
}
