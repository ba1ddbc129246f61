package io.posegate.grouping.tracking;

/**
 * A constant-velocity Kalman filter per track on the person's anchor point (x, y) and size s, as three
 * independent position/velocity filters (exact for this model, whose noises are uncorrelated across
 * dimensions). Noises scale with the person's size, as in SORT-family trackers: measurement sd
 * {@value #MEASURE_SD} s, white-noise acceleration sd {@value #ACCEL_SD} s per s² (three times that while
 * the innovations of a dimension stay on one side: a manoeuvre). Time is in seconds,
 * so the filter follows a stream at any and changing frame rate. Keeps, per track, the state after its
 * last real observation, for OC-SORT's re-update. Flat arrays, no allocation after construction.
 */
final class MotionModel {
    static final int DIMS = 3;
    static final double MEASURE_SD = 0.05;
    /**
     * Walking people change speed slowly: 0.4 sizes per s² (about 0.7 m/s² for a 1.7 m person). A looser
     * model (1.5, before) let one or two frames of a skeleton mixed from two people bend the velocity, so
     * a person hidden right after was predicted off their path and lost their id (TrackerTest, README).
     */
    static final double ACCEL_SD = 0.4;
    static final double SIZE_ACCEL_SD = 0.3;
    /** A manoeuvre (a stop, a turn) shows as innovations on one side: this many in a row, beyond ... */
    static final int MANOEUVRE_RUN = 3;
    /** ... this many sd of the innovation, ... */
    static final double MANOEUVRE_Z = 0.5;
    /** ... make the acceleration noise this many times larger until the run ends, so the filter catches up. */
    static final double MANOEUVRE_BOOST = 3;
    private final double[] x;
    private final double[] v;
    private final double[] p00;
    private final double[] p01;
    private final double[] p11;
    private final double[] saved;
    /** Signed count of consecutive innovations beyond {@value #MANOEUVRE_Z} sd on one side, per dimension. */
    private final int[] run;

    MotionModel(int capacity) {
        x = new double[capacity * DIMS];
        v = new double[capacity * DIMS];
        p00 = new double[capacity * DIMS];
        p01 = new double[capacity * DIMS];
        p11 = new double[capacity * DIMS];
        saved = new double[capacity * DIMS * 5];
        run = new int[capacity * DIMS];
    }

    double x(int t) {
        return x[t * DIMS];
    }

    double y(int t) {
        return x[t * DIMS + 1];
    }

    double size(int t) {
        return Math.max(1.0, x[t * DIMS + 2]);
    }

    /** Starts track t at rest at (cx, cy) with size s. */
    void start(int t, double cx, double cy, double s) {
        for (int d = 0; d < DIMS; d++) {
            int i = t * DIMS + d;
            x[i] = d == 0 ? cx : d == 1 ? cy : s;
            v[i] = 0;
            p00[i] = sq(2 * MEASURE_SD * s);
            p01[i] = 0;
            p11[i] = sq(d == 2 ? 0.5 * s : 1.5 * s);
            run[i] = 0;
        }
        save(t);
    }

    /** Moves track t's state dt seconds ahead (dt &le; 0 leaves it). */
    void predict(int t, double dt) {
        if (!(dt > 0)) {
            return;
        }
        double s = size(t);
        for (int d = 0; d < DIMS; d++) {
            int i = t * DIMS + d;
            double boost = Math.abs(run[i]) >= MANOEUVRE_RUN ? MANOEUVRE_BOOST : 1;
            double q = sq((d == 2 ? SIZE_ACCEL_SD : ACCEL_SD) * boost * s);
            x[i] += v[i] * dt;
            p00[i] += dt * (2 * p01[i] + dt * p11[i]) + q * dt * dt * dt / 3;
            p01[i] += dt * p11[i] + q * dt * dt / 2;
            p11[i] += q * dt;
        }
        if (x[t * DIMS + 2] < 1) {
            x[t * DIMS + 2] = 1;
            v[t * DIMS + 2] = 0;
        }
    }

    /** Corrects dimension d (0 x, 1 y, 2 size) of track t with observation z. */
    void update(int t, int d, double z) {
        int i = t * DIMS + d;
        double r = sq(MEASURE_SD * size(t));
        double innovation = z - x[i];
        double s = p00[i] + r;
        double zn = innovation / Math.sqrt(s);
        run[i] = zn > MANOEUVRE_Z ? Math.max(run[i], 0) + 1 : zn < -MANOEUVRE_Z ? Math.min(run[i], 0) - 1 : 0;
        double k0 = p00[i] / s;
        double k1 = p01[i] / s;
        x[i] += k0 * innovation;
        v[i] += k1 * innovation;
        p11[i] -= k1 * p01[i];
        p01[i] *= 1 - k0;
        p00[i] *= 1 - k0;
    }

    /** Multiplies track t's size, its velocity and their variances by k (the template rescaled by 1 / k). */
    void scaleSize(int t, double k) {
        int i = t * DIMS + 2;
        x[i] *= k;
        v[i] *= k;
        p00[i] *= k * k;
        p01[i] *= k * k;
        p11[i] *= k * k;
    }

    /** Moves track t's anchor by (dx, dy) pixels (the template shifted by the opposite); velocities and variances stay. */
    void shift(int t, double dx, double dy) {
        x[t * DIMS] += dx;
        x[t * DIMS + 1] += dy;
    }

    /** Remembers track t's state as the one after its last real observation. */
    void save(int t) {
        int at = t * DIMS * 5;
        for (int d = 0; d < DIMS; d++) {
            int i = t * DIMS + d;
            saved[at++] = x[i];
            saved[at++] = v[i];
            saved[at++] = p00[i];
            saved[at++] = p01[i];
            saved[at++] = p11[i];
        }
    }

    /** Puts track t back to its state after its last real observation. */
    void restore(int t) {
        int at = t * DIMS * 5;
        for (int d = 0; d < DIMS; d++) {
            int i = t * DIMS + d;
            x[i] = saved[at++];
            v[i] = saved[at++];
            p00[i] = saved[at++];
            p01[i] = saved[at++];
            p11[i] = saved[at++];
        }
    }

    /** Copies track from's state into slot to. */
    void move(int from, int to) {
        System.arraycopy(x, from * DIMS, x, to * DIMS, DIMS);
        System.arraycopy(v, from * DIMS, v, to * DIMS, DIMS);
        System.arraycopy(p00, from * DIMS, p00, to * DIMS, DIMS);
        System.arraycopy(p01, from * DIMS, p01, to * DIMS, DIMS);
        System.arraycopy(p11, from * DIMS, p11, to * DIMS, DIMS);
        System.arraycopy(saved, from * DIMS * 5, saved, to * DIMS * 5, DIMS * 5);
        System.arraycopy(run, from * DIMS, run, to * DIMS, DIMS);
    }

    private static double sq(double a) {
        return a * a;
    }
}
