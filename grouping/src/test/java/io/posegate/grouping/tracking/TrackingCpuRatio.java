package io.posegate.grouping.tracking;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link TrackingBench}'s grouping and tracking methods timed by this thread's CPU time instead of the wall
 * clock: on a shared machine a wall-clock benchmark counts the time other processes held the core, so its
 * ratios swing with the load. Batches of grouping, tracking and the copy alone alternate; the figures are
 * the medians over the batches, all in one run. The copy alone runs on a second instance, so the tracked
 * stream sees consecutive frames only (as JMH's {@code tracking} does). Each configuration runs in a JVM of its
 * own, as JMH forks one per trial: in one JVM the code the JIT compiled for the first configuration (one
 * person, appearance on) was kept for the next ones and made them up to 40 % slower than alone. Each line gives the
 * ratio with the bench's copy of the input (the frame's people moved, as the stream would deliver them) and
 * without it ("less the copy": the median over the batches of tracking minus the copy alone), which is the
 * tracker's own cost. Not a test; run with
 * {@code mvn -o -pl grouping -Pbench test-compile exec:exec -Dbench.main=io.posegate.grouping.tracking.TrackingCpuRatio -Djmh.args="1,8,20 40 true,false true,false"}
 * (people counts, batches, One Euro smoothing on and/or off, appearance on and/or off; by default both).
 */
public final class TrackingCpuRatio {
    private TrackingCpuRatio() {
    }

    public static void main(String[] args) throws java.io.IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("--one")) {
            run(args[1], Integer.parseInt(args[2]), args[3], args[4]);
            return;
        }
        String people = args.length > 0 ? args[0] : "1,8,20";
        String batches = args.length > 1 ? args[1] : "40";
        String smoothings = args.length > 2 ? args[2] : "true,false";
        String appearances = args.length > 3 ? args[3] : "true,false";
        String java = ProcessHandle.current().info().command().orElse("java");
        for (String looks : appearances.split(",")) {
            for (String smooth : smoothings.split(",")) {
                for (String p : people.split(",")) {
                    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                            TrackingCpuRatio.class.getName(), "--one", p.trim(), batches, smooth.trim(), looks.trim())
                            .inheritIO().start();
                    if (child.waitFor() != 0) {
                        throw new IllegalStateException("the run for " + p + " people failed");
                    }
                }
            }
        }
    }

    private static void run(String people, int batches, String smoothings, String appearances) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (String looks : appearances.split(",")) {
        for (String smooth : smoothings.split(",")) {
        for (String p : people.split(",")) {
            TrackingBench bench = TrackingBench.ready(Integer.parseInt(p.trim()), Boolean.parseBoolean(smooth.trim()),
                    Boolean.parseBoolean(looks.trim()));
            // the copy alone on its own instance: its frames must not advance the tracked stream (each copy
            // batch on the same instance was a gap of reps frames, 13 s at 200, between tracking batches)
            TrackingBench copyBench = TrackingBench.ready(bench.people, bench.smoothing, bench.appearance);
            int reps = Math.max(100, 4000 / bench.people);
            double[] grouping = new double[batches];
            double[] tracking = new double[batches];
            double[] copy = new double[batches];
            for (int b = -batches / 2; b < batches; b++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    sink += bench.grouping();
                }
                long t1 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    sink += bench.tracking();
                }
                long t2 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    sink += copyBench.copyOnly();
                }
                long t3 = threads.getCurrentThreadCpuTime();
                if (b >= 0) {
                    grouping[b] = (t1 - t0) / 1e3 / reps;
                    tracking[b] = (t2 - t1) / 1e3 / reps;
                    copy[b] = (t3 - t2) / 1e3 / reps;
                }
            }
            double g = TrackingCpuPair.median(grouping);
            double t = TrackingCpuPair.median(tracking);
            double[] own = new double[batches];
            for (int i = 0; i < batches; i++) {
                own[i] = tracking[i] - copy[i];
            }
            double u = TrackingCpuPair.median(own);
            System.out.printf("appearance %s, smoothing %s, people %s: grouping %.1f us, tracking %.2f us (copy alone %.2f us), tracking / grouping %.1f %%, less the copy %.1f %%%n",
                    looks.trim(), smooth.trim(), p, g, t, TrackingCpuPair.median(copy), 100 * t / g, 100 * u / g);
        }
        }
        }
        System.out.println("(checksum " + sink + ")");
    }
}
