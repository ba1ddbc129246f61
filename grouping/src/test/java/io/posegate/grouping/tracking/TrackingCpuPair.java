package io.posegate.grouping.tracking;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two builds' {@link TrackingBench#tracking} in one JVM, each from its own class loader, timed by this
 * thread's CPU time in alternating batches: the ratio new / old is measured under the same load, so it
 * holds on a busy machine where absolute figures do not. Not a test; run with
 * {@code java -cp grouping/target/test-classes io.posegate.grouping.tracking.TrackingCpuPair OLD NEW 8 30 false JMH_JAR}
 * where OLD and NEW are directories holding a build's {@code classes} and {@code test-classes}, then people,
 * batches, smoothing, the jmh-core jar (TrackingBench's annotations) and, optionally, appearance (default
 * false; {@code true} for the tracker's default).
 */
public final class TrackingCpuPair {
    private TrackingCpuPair() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(args[2]);
        int batches = Integer.parseInt(args[3]);
        boolean appearance = args.length > 6 && Boolean.parseBoolean(args[6]);
        Object[] bench = new Object[2];
        Method[] tracking = new Method[2];
        for (int v = 0; v < 2; v++) {
            URL[] urls = {Path.of(args[v], "classes").toUri().toURL(), Path.of(args[v], "test-classes").toUri().toURL(),
                    Path.of(args[5]).toUri().toURL()};
            Class<?> c = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())
                    .loadClass("io.posegate.grouping.tracking.TrackingBench");
            bench[v] = c.getDeclaredConstructor().newInstance();
            c.getField("people").setInt(bench[v], people);
            c.getField("smoothing").setBoolean(bench[v], Boolean.parseBoolean(args[4]));
            c.getField("appearance").setBoolean(bench[v], appearance);
            c.getMethod("setUp").invoke(bench[v]);
            tracking[v] = c.getMethod("tracking");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int reps = Math.max(200, 8000 / people);
        double[][] micros = new double[2][batches];
        long sink = 0;
        for (int b = -batches / 2; b < batches; b++) {
            for (int i = 0; i < 2; i++) {
                int v = (b & 1) == 0 ? i : 1 - i;
                long t0 = threads.getCurrentThreadCpuTime();
                for (int r = 0; r < reps; r++) {
                    sink += (Integer) tracking[v].invoke(bench[v]);
                }
                if (b >= 0) {
                    micros[v][b] = (threads.getCurrentThreadCpuTime() - t0) / 1e3 / reps;
                }
            }
        }
        double old = median(micros[0]);
        double now = median(micros[1]);
        System.out.printf("people %d, smoothing %s, appearance %s: tracking old %.2f us, new %.2f us, new / old %.3f (checksum %d)%n",
                people, args[4], appearance, old, now, now / old, sink);
    }

    /** The median of {@code values} (the upper middle one of an even count), for this package's CPU-time harnesses. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
