package io.posegate.grouping.tracking;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two builds' trackers on the same recorded input ({@link RecordedInput}: real motion, from
 * {@code bench tracking --record-input} or {@code eval-tracking --record-input}), in one JVM, alternating
 * passes: new ÷ old time, and whether the two published the same people. The synthetic
 * {@link TrackingCpuPair} measures the bench's steady state, where the tracker's shortcuts nearly always fire;
 * this one measures the work real frames make. Not a test; run with
 * {@code java -cp grouping/target/test-classes:grouping/target/classes io.posegate.grouping.tracking.RecordedTrackingPair OLD NEW FILE 100 true 5 0.2}:
 * OLD and NEW are a build's {@code grouping/target/classes} (copy the old one first), then the recording,
 * measured passes (as many again warm up first), appearance, and the publish rule of the recording's model
 * (minimum keypoints and person score: 5 and 0.2 for the demo, 5 and 0 for human-pose-estimation-0001).
 * An optional eighth argument, kilobytes of other memory written between frames ({@link
 * RecordedInput#touchBetweenFrames}; 4096 evicts this host's 2 MB L2), measures the tracker with the cold
 * caches it meets in the gateway, where grouping and colour sampling run between two of its updates.
 */
public final class RecordedTrackingPair {
    private RecordedTrackingPair() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7 && args.length != 8) {
            System.err.println("usage: RecordedTrackingPair OLD_CLASSES NEW_CLASSES RECORDING PASSES APPEARANCE MIN_KEYPOINTS"
                    + " MIN_PERSON_SCORE [KB_TOUCHED_BETWEEN_FRAMES]");
            System.exit(2);
        }
        int touchKilobytes = 0;
        if (args.length == 8) {
            try {
                touchKilobytes = Integer.parseInt(args[7]);
            } catch (NumberFormatException e) {
                touchKilobytes = -1;
            }
            if (touchKilobytes < 0) {
                System.err.println("KB_TOUCHED_BETWEEN_FRAMES must be a whole number >= 0, got " + args[7]);
                System.exit(2);
            }
        }
        for (int v = 0; v < 2; v++) {
            if (!Files.isRegularFile(Path.of(args[v], "io/posegate/grouping/tracking/Tracker.class"))) {
                System.err.println(args[v] + " holds no grouping build (io/posegate/grouping/tracking/Tracker.class)");
                System.exit(2);
            }
        }
        URL harness = RecordedTrackingPair.class.getProtectionDomain().getCodeSource().getLocation();
        // after each build's own classes: the reader of the people (PeopleRecords), for builds older than it
        URL reader = io.posegate.grouping.PeopleRecords.class.getProtectionDomain().getCodeSource().getLocation();
        Object[] input = new Object[2];
        Method[] pass = new Method[2];
        Method[] checksum = new Method[2];
        int frames = 0;
        for (int v = 0; v < 2; v++) {
            Class<?> c = new URLClassLoader(new URL[] {Path.of(args[v]).toUri().toURL(), harness, reader},
                    ClassLoader.getPlatformClassLoader()).loadClass(RecordedInput.class.getName());
            input[v] = c.getConstructor(String.class, boolean.class, int.class, float.class)
                    .newInstance(args[2], Boolean.parseBoolean(args[4]), Integer.parseInt(args[5]), Float.parseFloat(args[6]));
            c.getMethod("touchBetweenFrames", int.class).invoke(input[v], touchKilobytes);
            pass[v] = c.getMethod("pass");
            checksum[v] = c.getMethod("checksum");
            frames = (Integer) c.getMethod("frames").invoke(input[v]);
        }
        int passes = Integer.parseInt(args[3]);
        if (frames == 0 || passes < 1) {
            System.err.println(args[2] + " holds " + frames + " frames; passes " + passes + " (both must be >= 1)");
            System.exit(2);
        }
        double[][] micros = new double[2][passes];
        for (int b = -passes; b < passes; b++) {
            for (int i = 0; i < 2; i++) {
                int v = (b & 1) == 0 ? i : 1 - i;
                long nanos = (Long) pass[v].invoke(input[v]);
                if (b >= 0) {
                    micros[v][b] = nanos / 1e3 / frames;
                }
            }
        }
        double old = TrackingCpuPair.median(micros[0]);
        double now = TrackingCpuPair.median(micros[1]);
        boolean same = checksum[0].invoke(input[0]).equals(checksum[1].invoke(input[1]));
        String touched = args.length == 8 ? ", " + args[7] + " KB touched between frames" : "";
        double tracks = (Double) input[1].getClass().getMethod("tracksPerFrame").invoke(input[1]);
        double published = (Double) input[1].getClass().getMethod("publishedPerFrame").invoke(input[1]);
        System.out.printf("%s, %d frames%s (new build: %.2f tracks held, %.2f people published per frame): tracking old"
                        + " %.2f us, new %.2f us per frame, new / old %.3f; published people %s%n",
                Path.of(args[2]).getFileName(), frames, touched, tracks, published, old, now, now / old,
                same ? "identical" : "DIFFER");
    }
}
