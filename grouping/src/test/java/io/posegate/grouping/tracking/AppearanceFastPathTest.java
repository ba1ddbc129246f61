package io.posegate.grouping.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.Poses;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AppearanceTemplates#distance} (part masks) gives bit for bit the float of the
 * straightforward computation: two tests per part ({@link AppearanceTemplates#distanceStraight}, the code
 * before) and, independently, the per-part distances sorted by {@link Arrays#sort}; through template
 * updates, resets and moves, with ties, missing parts on both sides, NaN, infinite and huge colours; and
 * {@link AppearanceTemplates#distanceUnlessAbove} gives that float too, or +infinity only where it is above the limit.
 */
class AppearanceFastPathTest {
    private static final int K = 18;
    private static final int PARTS = 10;
    private static final int TRACKS = 12;
    private final Random rnd = new Random(5);

    @Test
    void medianDistanceEqualsTheStraightforwardOne() {
        AppearanceTemplates looks = new AppearanceTemplates(TRACKS);
        looks.ensure(PARTS);
        int compared = 0;
        int even = 0;
        int cutShort = 0;
        int whole = 0;
        for (int frame = 0; frame < 60; frame++) {
            Poses poses = randomPeople(20, frame == 40);
            for (int t = 0; t < TRACKS; t++) {
                if (rnd.nextInt(10) == 0) {
                    looks.reset(t);
                } else if (rnd.nextInt(12) == 0) {
                    looks.move(rnd.nextInt(TRACKS), t);
                } else {
                    looks.update(t, poses, rnd.nextInt(poses.count()), 0.1f);
                }
            }
            poses = randomPeople(20, frame % 9 == 4);
            looks.index(poses, poses.count());
            for (int p = 0; p < poses.count(); p++) {
                for (int t = 0; t < TRACKS; t++) {
                    for (int minParts = 1; minParts <= 3; minParts++) {
                        float fast = looks.distance(poses, p, t, minParts);
                        float straight = looks.distanceStraight(poses, p, t, minParts);
                        assertEquals(Float.floatToRawIntBits(straight), Float.floatToRawIntBits(fast),
                                "frame " + frame + ", detection " + p + ", track " + t + ", minParts " + minParts);
                        float ref = reference(looks, poses, p, t, minParts);
                        if (ref == ref) {
                            assertEquals(Float.floatToRawIntBits(ref), Float.floatToRawIntBits(fast));
                        }
                    }
                    for (float limit : new float[] {0f, 0.05f, 0.2f}) {
                        float straight = looks.distanceStraight(poses, p, t, 2);
                        float unless = looks.distanceUnlessAbove(poses, p, t, 2, limit);
                        if (unless == Float.POSITIVE_INFINITY && straight != Float.POSITIVE_INFINITY) {
                            assertTrue(straight > limit, "cut short at " + limit + " but the median is " + straight);
                            cutShort++;
                        } else {
                            assertEquals(Float.floatToRawIntBits(straight), Float.floatToRawIntBits(unless),
                                    "frame " + frame + ", detection " + p + ", track " + t + ", limit " + limit);
                            whole++;
                        }
                    }
                    float d = looks.distance(poses, p, t, 2);
                    compared += d >= 0f ? 1 : 0;
                    even += d >= 0f && shared(looks, poses, p, t) % 2 == 0 ? 1 : 0;
                }
            }
        }
        assertTrue(compared > 5_000 && even > 1_000, compared + " pairs compared, " + even + " of an even count");
        assertTrue(cutShort > 1_000 && whole > 1_000, cutShort + " distances cut short, " + whole + " computed whole");
    }

    /** Independent reference: the per-part distances, sorted by the library, the middle (or mean of the two); NaN if one is NaN. */
    private static float reference(AppearanceTemplates looks, Poses poses, int p, int t, int minParts) {
        float[] d = new float[PARTS];
        int n = 0;
        for (int i = 0; i < PARTS; i++) {
            if (poses.hasColour(p, i) && looks.seen(t, i)) {
                float dr = poses.colour(p, i, 0) - looks.colour(t, i, 0);
                float dg = poses.colour(p, i, 1) - looks.colour(t, i, 1);
                float db = poses.colour(p, i, 2) - looks.colour(t, i, 2);
                d[n++] = (float) Math.sqrt(dr * dr + dg * dg) + 0.25f * Math.abs(db);
                if (d[n - 1] != d[n - 1]) {
                    return Float.NaN; // the insertion sort's order of NaNs is its own; compared above
                }
            }
        }
        if (n < minParts) {
            return -1f;
        }
        Arrays.sort(d, 0, n);
        return n % 2 == 1 ? d[n / 2] : 0.5f * (d[n / 2 - 1] + d[n / 2]);
    }

    private static int shared(AppearanceTemplates looks, Poses poses, int p, int t) {
        int n = 0;
        for (int i = 0; i < PARTS; i++) {
            n += poses.hasColour(p, i) && looks.seen(t, i) ? 1 : 0;
        }
        return n;
    }

    /** People with colours from a few levels (so ties happen), about a quarter of parts missing, maybe a NaN. */
    private Poses randomPeople(int n, boolean withNaN) {
        Poses poses = new Poses(K, n + 2, PARTS);
        for (int i = 0; i < n; i++) {
            int p = poses.add(1f);
            for (int part = 0; part < PARTS; part++) {
                if (rnd.nextInt(4) != 0) {
                    poses.setColour(p, part, level(), level(), level());
                }
            }
        }
        if (withNaN) {
            poses.setColour(rnd.nextInt(n), rnd.nextInt(PARTS), Float.NaN, 0.3f, 0.5f);
            poses.setColour(rnd.nextInt(n), rnd.nextInt(PARTS), 0.2f, Float.POSITIVE_INFINITY, 0.5f);
            poses.setColour(rnd.nextInt(n), rnd.nextInt(PARTS), 3e38f, -3e38f, 0.5f); // differences overflow
        }
        return poses;
    }

    private float level() {
        return rnd.nextBoolean() ? 0.25f * rnd.nextInt(4) : rnd.nextFloat();
    }
}
