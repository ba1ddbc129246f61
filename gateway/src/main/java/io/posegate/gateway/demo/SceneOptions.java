package io.posegate.gateway.demo;

/**
 * What makes a demo scene harder: a moving occluding bar, people walking out of the picture and back,
 * and frame-time jitter. Immutable.
 *
 * @param bar        a vertical bar sweeps across the picture in front of everyone and hides the joints behind it
 * @param enterLeave every other person walks out of the picture at each end of their lane and comes back
 *                   (as a new ground-truth identity each time)
 * @param jitter     0 for a steady frame rate; up to 0.9 moves each frame's time by up to &plusmn;{@code jitter}/2
 *                   frame periods, so that the intervals between frames vary (the scene moves with time)
 * @param seed       0 for the standard scene; any other value draws other walkers (lane centres, ranges,
 *                   speeds, starting phases), another bar phase and other jitter, the same for the same seed
 */
public record SceneOptions(boolean bar, boolean enterLeave, double jitter, long seed) {
    public static final SceneOptions NONE = new SceneOptions(false, false, 0);

    /** The standard scene (seed 0) with these options. */
    public SceneOptions(boolean bar, boolean enterLeave, double jitter) {
        this(bar, enterLeave, jitter, 0);
    }

    public SceneOptions {
        if (!(jitter >= 0 && jitter <= 0.9)) {
            throw new IllegalArgumentException("demo jitter must be in [0, 0.9], got " + jitter);
        }
    }

    /** These options with another seed. */
    public SceneOptions withSeed(long other) {
        return new SceneOptions(bar, enterLeave, jitter, other);
    }

    /**
     * The scene time of frame n, in frame periods: n, moved by up to &plusmn;jitter/2 by a fixed hash of
     * n and the seed, so consecutive frames are 1 &plusmn; jitter periods apart and always in order.
     */
    double time(long n) {
        if (jitter == 0) {
            return n;
        }
        long h = (n + seed * 0xD1B54A32D192ED03L) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        double u = (h >>> 11) / (double) (1L << 53) - 0.5;
        return n + jitter * u;
    }
}
