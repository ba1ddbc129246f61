package io.posegate.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gap account's arithmetic on figures of a known run, and which JVM threads count as the JVM's own. */
class GapAccountTest {
    @Test
    void splitsTheGatewaysCpuAndBoundsTheRatio() {
        // raw: 100 frames/s on 2 cores, 0.1 of them JIT/GC: the network takes 19 ms per frame
        RawLoop.Result before = new RawLoop.Result("openvino:CPU", 1000, 10, 2.0, 1, 0.1);
        RawLoop.Result after = new RawLoop.Result("openvino:CPU", 1000, 10, 2.0, 1, 0.1);
        Map<String, Double> cores = new LinkedHashMap<>();
        cores.put(CpuMeter.NATIVE, 1.5);   // 25 ms per frame at 60 frames/s
        cores.put("process", 1.74);        // 29 ms per frame: 4 ms in JVM threads
        GatewayRun.Result g = new GatewayRun.Result(60, 60, 40, 80, new double[] {1, 0.6, 15, 0.3}, cores, 0, 1);
        GapAccount a = GapAccount.of(before, after, g);
        assertEquals(19.0, a.rawCpuMs(), 1e-9);
        assertEquals(25.0, a.nativeCpuMs(), 1e-9);
        assertEquals(4.0, a.javaCpuMs(), 1e-9);
        assertEquals(0.9, a.busy(), 1e-9);
        assertEquals(100 * 19.0 / 23.0, a.boundFps(), 1e-9);
    }

    @Test
    void jitCompilerAndGcThreadsAreTheJvmsOwn() {
        assertEquals(0, JvmInternalThreads.kind("C2 CompilerThre"));
        assertEquals(0, JvmInternalThreads.kind("C1 CompilerThre"));
        for (String gc : new String[] {"GC Thread#0", "G1 Conc#0", "G1 Refine#0", "G1 Main Marker", "VM Thread", "VM Periodic Tas"}) {
            assertEquals(1, JvmInternalThreads.kind(gc), gc);
        }
        for (String other : new String[] {"java", "posegate-infer-", "vert.x-eventloo", "posegate-source"}) {
            assertEquals(-1, JvmInternalThreads.kind(other), other);
        }
    }
}
