package io.posegate.grouping.tracking;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The shape of the tracker's per-keypoint loops on this JVM: a float offset widened to double, moved, and
 * narrowed back to float ({@link TrackTable#project}'s {@code (float) (cx + ox * s)}, {@link PoseFit#retemplate}'s
 * {@code (float) ((x - cx) / s)}), against the same floats computed in two loops (widen and compute into a double
 * scratch, then narrow), and against loops that convert one way only. Each call handles one pose of
 * {@code keypoints} offsets; the results are the same floats in all but {@code floatsOnly} (float arithmetic,
 * the speed of a loop without conversions, for reference). Session 10's figures are in grouping/docs/tracking-cost-log.md.
 * Not a test; run with
 * {@code mvn -o -pl grouping -Pbench exec:exec -Djmh.args="WideningLoopBench -f 1 -wi 3 -i 5 -w 1s -r 1s"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WideningLoopBench {
    @Param({"18"})
    public int keypoints;
    private float[] offsets;
    private boolean[] has;
    private double[] wideOffsets;
    private double[] scratch;
    private float[] out;
    private double[] wideOut;
    private double cx = 20.5;
    private double s = 12.25;

    @Setup
    public void setUp() {
        Random rnd = new Random(3);
        offsets = new float[keypoints];
        has = new boolean[keypoints];
        wideOffsets = new double[keypoints];
        scratch = new double[keypoints];
        out = new float[keypoints];
        wideOut = new double[keypoints];
        for (int j = 0; j < keypoints; j++) {
            has[j] = rnd.nextInt(6) != 0;
            offsets[j] = has[j] ? (float) (0.3 * rnd.nextGaussian()) : Float.NaN;
            wideOffsets[j] = offsets[j];
        }
    }

    /** The project loop as the tracker has it: a branch per keypoint, widen, compute, narrow. */
    @Benchmark
    public float[] widenNarrowWithBranch() {
        for (int j = 0; j < keypoints; j++) {
            out[j] = has[j] ? (float) (cx + offsets[j] * s) : Float.NaN;
        }
        return out;
    }

    /** The same floats without the branch (NaN offsets give NaN), widen and narrow in one loop. */
    @Benchmark
    public float[] widenNarrow() {
        for (int j = 0; j < keypoints; j++) {
            out[j] = (float) (cx + offsets[j] * s);
        }
        return out;
    }

    /** The same floats in two loops: widen and compute into doubles, then narrow. */
    @Benchmark
    public float[] widenThenNarrow() {
        for (int j = 0; j < keypoints; j++) {
            scratch[j] = cx + offsets[j] * s;
        }
        for (int j = 0; j < keypoints; j++) {
            out[j] = (float) scratch[j];
        }
        return out;
    }

    /** Widening only: the doubles of {@link #widenThenNarrow}'s first loop. */
    @Benchmark
    public double[] widenOnly() {
        for (int j = 0; j < keypoints; j++) {
            wideOut[j] = cx + offsets[j] * s;
        }
        return wideOut;
    }

    /** Narrowing only: the same floats from offsets kept as doubles. */
    @Benchmark
    public float[] narrowOnly() {
        for (int j = 0; j < keypoints; j++) {
            out[j] = (float) (cx + wideOffsets[j] * s);
        }
        return out;
    }

    /** For reference, other floats: the arithmetic in float, no conversion. */
    @Benchmark
    public float[] floatsOnly() {
        float c = (float) cx;
        float f = (float) s;
        for (int j = 0; j < keypoints; j++) {
            out[j] = c + offsets[j] * f;
        }
        return out;
    }
}
