package io.posegate.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.grouping.tracking.KeypointSigmas;
import io.posegate.grouping.tracking.Tracker;
import io.posegate.grouping.tracking.TrackerParams;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Grouping and tracking allocate nothing per frame once warmed up (counted by the JVM, per thread). */
class SteadyStateAllocationTest {
    @ParameterizedTest
    @ValueSource(strings = {"trt_pose", "openpose"})
    void groupingAndTrackingAllocateNothingPerFrame(String strategy) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes per thread");
        boolean trt = strategy.equals("trt_pose");
        Topology t = trt ? Topologies.trtPoseHuman() : Topologies.coco18OpenPose();
        int h = trt ? 56 : 32;
        int w = trt ? 56 : 57;
        Maps maps = Maps.render(t, Maps.randomPeople(new Random(5), t, 6, h, w, 14, 0.1f), h, w, 1f, 1.5f);
        FeatureMap hm = direct(maps.heatmaps);
        FeatureMap paf = direct(maps.pafs);
        Grouper grouper = Groupers.create(strategy, t, trt ? GroupingParams.trtPoseDefaults() : GroupingParams.openPoseDefaults());
        Tracker tracker = new Tracker(TrackerParams.defaults(), t.keypointCount(), 100);
        float[] sigmas = KeypointSigmas.forNames(t.keypoints());
        Poses poses = new Poses(t.keypointCount(), 100);
        long frame = 0;
        for (; frame < 2000; frame++) {
            grouper.group(hm, paf, poses);
            tracker.update(poses, frame * 33_000_000L, sigmas);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 200; i++, frame++) {
            grouper.group(hm, paf, poses);
            tracker.update(poses, frame * 33_000_000L, sigmas);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertEquals(0, allocated, "bytes allocated by 200 frames of " + strategy + " grouping + tracking ("
                + poses.count() + " people)");
    }

    /** The same map over a direct native-order buffer, as backends hand them over. */
    private static FeatureMap direct(FeatureMap m) {
        int n = m.channels() * m.height() * m.width();
        java.nio.FloatBuffer b = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < n; i++) {
            b.put(i, m.data().get(i));
        }
        return new FeatureMap(b, m.channels(), m.height(), m.width());
    }
}
