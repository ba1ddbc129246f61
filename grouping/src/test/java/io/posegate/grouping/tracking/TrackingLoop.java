package io.posegate.grouping.tracking;

/**
 * {@link TrackingBench#tracking} in a plain loop for a given time, for a sampling profiler to attach to
 * (JMH's forks and phases get in its way): prints the wall-clock time per frame. Not a test; run with
 * {@code java -cp grouping/target/test-classes:grouping/target/classes:JMH_JAR
 * io.posegate.grouping.tracking.TrackingLoop PEOPLE APPEARANCE SECONDS} (e.g. {@code 8 true 25}), with
 * {@code -agentpath:.../libasyncProfiler.so=start,event=itimer,interval=1ms,file=out.txt,collapsed} for a
 * profile (async-profiler's linux-x64 jar is on Maven Central: {@code tools.profiler:async-profiler:3.0}).
 */
public final class TrackingLoop {
    private TrackingLoop() {
    }

    public static void main(String[] args) {
        TrackingBench bench = TrackingBench.ready(Integer.parseInt(args[0]), false, Boolean.parseBoolean(args[1]));
        long end = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        long start = System.nanoTime();
        long frames = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                sink += bench.tracking();
            }
            frames += 1000;
        }
        System.out.printf("%d people, appearance %s: %.3f us per frame (wall clock, with the copy; checksum %d)%n",
                bench.people, bench.appearance, (System.nanoTime() - start) / 1e3 / frames, sink);
    }
}
