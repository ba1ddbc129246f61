package io.posegate.gateway.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the JVM's own native threads, which {@link java.lang.management.ThreadMXBean} does not list:
 * the JIT compilers ({@code C1/C2 CompilerThread}) and the garbage collector and VM threads ({@code GC Thread},
 * {@code G1 ...}, {@code VM Thread}, ...), read from {@code /proc/self/task/TID/stat} by thread name. Without
 * them, their CPU would count as the inference runtime's. Linux only; elsewhere both are 0.
 */
final class JvmInternalThreads {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String[] GC_AND_VM = {"GC Thread", "G1 ", "VM Thread", "VM Periodic", "Sweeper", "Monitor Deflati",
        "Service Thread"};

    private JvmInternalThreads() {
    }

    /** CPU nanoseconds so far: [0] JIT compiler threads, [1] GC and VM threads (threads that ended are lost). */
    static long[] cpuNanos() {
        long[] sums = new long[2];
        if (!Files.isDirectory(TASKS)) {
            return sums;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue;  // the thread ended
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open) {
                    continue;
                }
                int kind = kind(stat.substring(open + 1, close));
                if (kind >= 0) {
                    sums[kind] += ticks(stat.substring(close + 2));
                }
            }
        } catch (IOException e) {
            return sums;
        }
        return sums;
    }

    /** 0 for a JIT compiler thread, 1 for a GC or VM thread, -1 for any other. */
    static int kind(String name) {
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return 0;
        }
        for (String prefix : GC_AND_VM) {
            if (name.startsWith(prefix)) {
                return 1;
            }
        }
        return -1;
    }

    /** utime + stime of a stat line's fields after the name (state is field 3, utime 14, stime 15), in nanoseconds. */
    private static long ticks(String afterName) {
        String[] f = afterName.split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 10_000_000L;  // USER_HZ is 100 on Linux
    }
}
