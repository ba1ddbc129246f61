package io.posegate.grouping.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Maps;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.posegate.grouping.embedding.AeMaps;
import io.posegate.grouping.posenet.PoseNetMaps;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every decoder allocates nothing per frame once warmed up (counted by the JVM, per thread), over direct buffers. */
class DecoderAllocationTest {
    @ParameterizedTest
    @ValueSource(strings = {"posenet", "single-person", "single-person-dark", "associative-embedding", "paf-hwc"})
    void decodingAllocatesNothingPerFrame(String which) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes per thread");
        Random rnd = new Random(9);
        PoseDecoder decoder;
        DecoderInputs inputs;
        Topology t;
        switch (which) {
            case "posenet" -> {
                t = Topologies.coco17();
                PoseNetMaps m = PoseNetMaps.render(PoseNetMaps.randomPeople(rnd, 4, 23, 31, 8), 23, 31, 16);
                decoder = Decoders.create("posenet", t, DecoderParams.defaults());
                inputs = DecoderInputs.of(Map.of("heatmaps", direct(m.heatmaps), "offsets", direct(m.offsets),
                        "displacements", direct(m.displacements)));
            }
            case "associative-embedding" -> {
                t = Topologies.coco17();
                AeMaps m = AeMaps.random(rnd, 17, 5, 64, 64, 0.05f, 0.2f);
                decoder = Decoders.create("associative-embedding", t, DecoderParams.defaults());
                inputs = DecoderInputs.of(Map.of("heatmaps", direct(m.heatmaps), "tags", direct(m.tags)));
            }
            case "paf-hwc" -> {
                t = Topologies.coco18OpenPose();
                Maps m = Maps.render(t, Maps.randomPeople(rnd, t, 6, 32, 57, 14, 0.1f), 32, 57, 1f, 1.5f);
                decoder = Decoders.create("paf", t, DecoderParams.defaults());
                inputs = DecoderInputs.of(Map.of("heatmaps", hwc(m.heatmaps), "pafs", hwc(m.pafs)));
            }
            default -> {
                t = Topologies.aic14();
                AeMaps m = AeMaps.random(rnd, 14, 1, 48, 48, 0.05f, 0f);
                decoder = Decoders.create("single-person", t, DecoderParams.of(which.endsWith("dark")
                        ? Map.of("blurKernel", 5, "refine", "dark") : Map.of()));
                inputs = DecoderInputs.of(Map.of("heatmaps", direct(m.heatmaps)));
            }
        }
        Poses poses = new Poses(t.keypointCount(), 100);
        for (int i = 0; i < 1000; i++) {
            decoder.decode(inputs, poses);
        }
        assertTrue(poses.count() > 0, which + " found nobody");
        // Windows of 200 frames until one allocates nothing: on a loaded machine the JIT may still be
        // compiling after the warm-up, and interpreted code allocates what compiled code does not. Code that
        // allocates per frame allocates in every window.
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 20 && least > 0; window++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 200; i++) {
                decoder.decode(inputs, poses);
            }
            least = Math.min(least, threads.getThreadAllocatedBytes(id) - before);
        }
        assertEquals(0, least, "fewest bytes allocated by 200 frames of " + which + " in 20 windows ("
                + poses.count() + " people)");
    }

    /** The same map over a direct native-order buffer, as backends hand them over. */
    static FeatureMap direct(FeatureMap m) {
        int n = m.channels() * m.height() * m.width();
        java.nio.FloatBuffer b = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < n; i++) {
            b.put(i, m.data().get(i));
        }
        return new FeatureMap(b, m.channels(), m.height(), m.width(), m.layout());
    }

    /** The map interleaved (HWC), over a direct buffer. */
    static FeatureMap hwc(FeatureMap m) {
        FeatureMap h = DecodersTest.hwc(m);
        return direct(h);
    }
}
