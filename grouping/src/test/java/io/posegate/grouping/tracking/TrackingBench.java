package io.posegate.grouping.tracking;

import io.posegate.grouping.Grouper;
import io.posegate.grouping.paf.Groupers;
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

/**
 * Tracking cost against grouping cost on the same frame, in the same run: {@code grouping} groups
 * human-pose-estimation-0001-sized maps (32x57, openpose strategy); {@code tracking} copies that frame's
 * people into the tracker's input, moved a little each frame, and runs {@link Tracker#update} on them
 * (confirmed tracks; One Euro smoothing on or off, as {@code smoothing} says: the gateway's default config has
 * it off); {@code copyOnly} is the copy alone, to subtract.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrackingBench {
    private static final Topology TOPOLOGY = Topologies.coco18OpenPose();
    private static final int H = 32;
    private static final int W = 57;
    @Param({"1", "8", "20"})
    public int people;
    @Param({"true", "false"})
    public boolean smoothing;
    /** Whether the tracker uses the people's limb colours (set in every copy either way, so the copy costs the same). */
    @Param({"true", "false"})
    public boolean appearance;
    private Maps maps;
    private Grouper grouper;
    private Poses grouped;
    private Poses work;
    private Tracker tracker;
    private float[] sigmas;
    private long frame;

    /** A bench for these parameters, set up (outside JMH: tests and the CPU-time harnesses). */
    static TrackingBench ready(int people, boolean smoothing, boolean appearance) {
        TrackingBench bench = new TrackingBench();
        bench.people = people;
        bench.smoothing = smoothing;
        bench.appearance = appearance;
        bench.setUp();
        return bench;
    }

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        float body = people == 20 ? H / 2.5f : H / 1.6f;
        maps = Maps.render(TOPOLOGY, Maps.randomPeople(rnd, TOPOLOGY, people, H, W, body, 0.1f), H, W, 1f, 1f)
                .perturb(rnd, 0.02f, 0f);
        grouper = Groupers.create("openpose", TOPOLOGY, GroupingParams.openPoseDefaults());
        grouped = new Poses(TOPOLOGY.keypointCount(), 100);
        work = new Poses(TOPOLOGY.keypointCount(), 100, io.posegate.grouping.LimbParts.of(TOPOLOGY).count());
        grouper.group(maps.heatmaps, maps.pafs, grouped);
        tracker = new Tracker(TrackerParams.defaults().withSmoothing(smoothing).withAppearance(appearance),
                TOPOLOGY.keypointCount(), 200);
        sigmas = KeypointSigmas.forNames(TOPOLOGY.keypoints());
        for (int i = 0; i < 50; i++) {
            tracking();
        }
    }

    @Benchmark
    public int grouping() {
        grouper.group(maps.heatmaps, maps.pafs, grouped);
        return grouped.count();
    }

    @Benchmark
    public int tracking() {
        copy();
        tracker.update(work, frame * 66_666_667L, sigmas);
        return work.count();
    }

    @Benchmark
    public int copyOnly() {
        copy();
        return work.count();
    }

    /** Tests: the next frame comes this many frame periods late (a gap in the stream). */
    void skipFrames(long frames) {
        frame += frames;
    }

    /** Tests: the tracker's people of the last {@link #tracking} frame. */
    Poses published() {
        return work;
    }

    private void copy() {
        frame++;
        float dx = (frame % 64) * 0.05f;
        work.clear();
        for (int p = 0; p < grouped.count(); p++) {
            int q = work.add(grouped.personScore(p));
            for (int k = 0; k < grouped.keypointCount(); k++) {
                if (grouped.present(p, k)) {
                    work.setKeypoint(q, k, grouped.x(p, k) + dx, grouped.y(p, k), grouped.score(p, k));
                }
            }
            for (int i = 0; i < work.appearanceParts(); i++) {
                work.setColour(q, i, 0.15f + 0.03f * (p % 16), 0.6f - 0.025f * (p % 16), 0.4f + 0.001f * (frame % 7));
            }
        }
    }
}
