package io.posegate.grouping;

import io.posegate.grouping.paf.Groupers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
        Tracker tracker = new Tracker(TrackerParams.defaults().withSmoothing(true), t.keypointCount(), 100);
        Poses published = new Poses(t.keypointCount(), 100, LimbParts.of(t).count());
        assertTrue(published.appearanceParts() > 0, "people carry limb colours, so the appearance cue runs too");
        float[] sigmas = KeypointSigmas.forNames(t.keypoints());
        Poses poses = new Poses(t.keypointCount(), 100);
        long frame = 0;
        for (; frame < 2000; frame++) {
            frame(grouper, hm, paf, poses, published, jitter(frame));
            tracker.update(published, frame * 33_000_000L, sigmas);
        }
        // Steady state: a window of 200 frames that allocates nothing. A one-off allocation (the JIT settling,
        // a table grown once) may land in an early window; an allocation per frame lands in every one.
        long id = Thread.currentThread().getId();
        long allocated = Long.MAX_VALUE;
        for (int window = 0; window < 20 && allocated != 0; window++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 200; i++, frame++) {
                frame(grouper, hm, paf, poses, published, jitter(frame));
                tracker.update(published, frame * 33_000_000L, sigmas);
            }
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(id) - before);
        }
        assertEquals(0, allocated, "fewest bytes allocated by a window of 200 frames of " + strategy + " grouping + tracking ("
                + poses.count() + " people, " + published.count() + " published, " + tracker.liveTracks() + " tracks)");
        assertTrue(published.count() >= 4, published.count() + " people published");
    }

    /**
     * Groups, then copies the people, moved by (dx, dy) and some dropped now and then, so that the tracker
     * sees motion, misses, lost and re-found tracks and fragments, as on a real stream.
     */
    private static void frame(Grouper grouper, FeatureMap hm, FeatureMap paf, Poses poses, Poses out, float d) {
        grouper.group(hm, paf, poses);
        out.clear();
        for (int p = 0; p < poses.count(); p++) {
            if (((int) (d * 100) + p) % 7 == 0) {
                continue;
            }
            int q = out.add(poses.personScore(p));
            for (int k = 0; k < poses.keypointCount(); k++) {
                if (poses.present(p, k) && (p != 1 || k < 6 || ((int) (d * 10)) % 3 != 0)) {
                    out.setKeypoint(q, k, poses.x(p, k) + d, poses.y(p, k) - d / 2, poses.score(p, k));
                }
            }
            for (int i = 0; i < out.appearanceParts(); i++) {
                if ((i + p + (int) d) % 5 != 0) {
                    out.setColour(q, i, 0.2f + 0.05f * (p % 8), 0.5f - 0.04f * (p % 8) + 0.001f * d, 0.5f);
                }
            }
        }
    }

    private static float jitter(long frame) {
        return (frame % 40) * 0.25f;
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
