package io.posegate.grouping.tracking;

/**
 * One Euro filters (Casiez et al., CHI 2012) for many scalar signals at once, stored in flat arrays:
 * an adaptive low-pass whose cutoff rises with the signal's speed. Not thread-safe.
 */
final class OneEuro {
    private final double minCutoff;
    private final double beta;
    private final double dCutoff;
    private final double[] value;
    private final double[] speed;
    private double speedDt = Double.NaN;
    private double speedAlpha;

    OneEuro(int signals, double minCutoff, double beta, double dCutoff) {
        this.minCutoff = minCutoff;
        this.beta = beta;
        this.dCutoff = dCutoff;
        this.value = new double[signals];
        this.speed = new double[signals];
    }

    /** Starts signal i at x with zero speed. */
    void reset(int i, double x) {
        value[i] = x;
        speed[i] = 0;
    }

    /** Feeds x observed dt seconds after the previous sample and returns the filtered value. */
    double filter(int i, double x, double dt) {
        if (!(dt > 0)) {
            return value[i];
        }
        if (dt != speedDt) {
            speedDt = dt;
            speedAlpha = alpha(dCutoff, dt);
        }
        double dx = (x - value[i]) / dt;
        speed[i] += speedAlpha * (dx - speed[i]);
        double cutoff = minCutoff + beta * Math.abs(speed[i]);
        value[i] += alpha(cutoff, dt) * (x - value[i]);
        return value[i];
    }

    private static double alpha(double cutoff, double dt) {
        double tau = 1.0 / (2 * Math.PI * cutoff);
        return 1.0 / (1.0 + tau / dt);
    }

    /** Copies n signals' state from index from to index to (for swap-removal of a track). */
    void move(int from, int to, int n) {
        System.arraycopy(value, from, value, to, n);
        System.arraycopy(speed, from, speed, to, n);
    }
}
