package io.posegate.gateway.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this process, split by what its threads do (by thread name), between two snapshots.
 * Native threads that the JVM does not know (ONNX Runtime's and OpenVINO's own pools) show up as the
 * process time no Java thread accounts for, less the JVM's own JIT compiler, GC and VM threads, which are
 * read by name from {@code /proc} ({@link JvmInternalThreads}). A thread that ends between snapshots loses its time.
 */
public final class CpuMeter {
    /** Thread groups, by name prefix, in report order. */
    static final String[][] GROUPS = {
        {"posegate-source-", "decode (source threads)"},
        {"posegate-infer-", "workers (pre-process, inference call, grouping, tracking)"},
        {"vert.x-eventloop", "event loops (JSON fan-out, WebSocket, bench client)"},
    };
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final String JIT = "JIT compiler threads";
    static final String GC = "GC and VM threads";
    static final String NATIVE = "native threads (inference runtime pools)";

    private CpuMeter() {
    }

    /** CPU nanoseconds so far: per group, {@code other JVM threads}, and {@code process} in total. */
    public record Snapshot(long wallNanos, Map<String, Long> cpuNanos) {
    }

    public static Snapshot take() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (String[] g : GROUPS) {
            cpu.put(g[1], 0L);
        }
        cpu.put("other JVM threads", 0L);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long ns = THREADS.getThreadCpuTime(t.getId());
            if (ns > 0) {
                cpu.merge(group(t.getName()), ns, Long::sum);
            }
        }
        long[] internal = JvmInternalThreads.cpuNanos();
        cpu.put(JIT, internal[0]);
        cpu.put(GC, internal[1]);
        cpu.put("process", processCpuNanos());
        return new Snapshot(System.nanoTime(), cpu);
    }

    /** Cores used per group between {@code a} and {@code b}, with the native remainder and the process total. */
    public static Map<String, Double> cores(Snapshot a, Snapshot b) {
        double wall = Math.max(1, b.wallNanos() - a.wallNanos());
        Map<String, Double> out = new LinkedHashMap<>();
        long known = 0;
        for (Map.Entry<String, Long> e : b.cpuNanos().entrySet()) {
            if (e.getKey().equals("process")) {
                continue;
            }
            long d = Math.max(0, e.getValue() - a.cpuNanos().getOrDefault(e.getKey(), 0L));
            known += d;
            out.put(e.getKey(), d / wall);
        }
        long process = b.cpuNanos().get("process") - a.cpuNanos().get("process");
        out.put(NATIVE, Math.max(0, process - known) / wall);
        out.put("process", process / wall);
        return out;
    }

    private static String group(String threadName) {
        for (String[] g : GROUPS) {
            if (threadName.startsWith(g[0])) {
                return g[1];
            }
        }
        return "other JVM threads";
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
