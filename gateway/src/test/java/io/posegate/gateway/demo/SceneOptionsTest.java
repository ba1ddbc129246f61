package io.posegate.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.SourceSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The harder demo scenes: occluding bar, people entering and leaving, frame-time jitter; and their URI. */
class SceneOptionsTest {
    @Test
    void theBarHidesJointsThatTheSameSceneWithoutItShows() {
        DemoScene plain = new DemoScene(640, 360, 8);
        DemoScene barred = new DemoScene(640, 360, 8, new SceneOptions(true, false, 0));
        int hidden = 0;
        for (long n = 0; n < 300; n += 5) {
            float[][][] a = plain.people(n);
            float[][][] b = barred.people(n);
            for (int p = 0; p < 8; p++) {
                for (int k = 0; k < 18; k++) {
                    assertTrue(a[p][k] != null || b[p][k] == null, "the bar never reveals a joint");
                    hidden += a[p][k] != null && b[p][k] == null ? 1 : 0;
                }
            }
        }
        assertTrue(hidden > 100, hidden + " joints hidden by the bar");
    }

    @Test
    void peopleWhoLeaveComeBackAsNewIdentities() {
        DemoScene scene = new DemoScene(640, 360, 4, new SceneOptions(false, true, 0));
        Set<Integer> ids = new HashSet<>();
        int framesWithoutSlot1 = 0;
        for (long n = 0; n < 1200; n++) {
            List<DemoScene.TruthPerson> truth = scene.truth(n);
            boolean slot1 = false;
            for (DemoScene.TruthPerson t : truth) {
                ids.add(t.id());
                slot1 |= t.id() % 8 == 1;
                assertTrue(t.area() > 100, "whole-body area " + t.area());
            }
            framesWithoutSlot1 += slot1 ? 0 : 1;
        }
        assertTrue(framesWithoutSlot1 > 20, "person 1 leaves the picture (" + framesWithoutSlot1 + " frames away)");
        assertTrue(ids.stream().filter(id -> id % 8 == 1).count() >= 3, "and comes back as new identities: " + ids);
        assertTrue(ids.contains(0) && ids.stream().filter(id -> id % 8 == 0).count() == 1, "person 0 stays: " + ids);
    }

    @Test
    void jitterVariesFrameIntervalsButKeepsFramesInOrder() {
        DemoScene scene = new DemoScene(640, 360, 4, new SceneOptions(false, false, 0.6));
        double min = Double.MAX_VALUE;
        double max = 0;
        for (long n = 1; n < 500; n++) {
            double dt = scene.time(n) - scene.time(n - 1);
            min = Math.min(min, dt);
            max = Math.max(max, dt);
        }
        assertTrue(min > 0.3 && min < 0.7 && max > 1.3 && max < 1.7, "intervals " + min + ".." + max);
        assertEquals(7.0, new DemoScene(640, 360, 4).time(7));
    }

    @Test
    void theUriNamesTheOptionsAndRefusesBadValues() {
        DemoUri u = DemoUri.parse(SourceSpec.of("demo:?people=8&bar=true&enter=true&jitter=0.3"));
        assertEquals(new SceneOptions(true, true, 0.3), u.options());
        assertEquals(SceneOptions.NONE, DemoUri.parse(SourceSpec.of("demo:")).options());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemoUri.parse(SourceSpec.of("demo:?jitter=2")));
        assertTrue(e.getMessage().contains("jitter"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DemoUri.parse(SourceSpec.of("demo:?bar=yes")));
        assertTrue(e.getMessage().contains("bar must be true or false"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DemoUri.parse(SourceSpec.of("demo:?fog=1")));
        assertTrue(e.getMessage().contains("known: bar, enter, fps, height, jitter, people, width"), e.getMessage());
    }

    @Test
    void aSeedDrawsAnotherSceneAndTheSameSeedTheSameOne() {
        SceneOptions hard = new SceneOptions(true, true, 0.4);
        assertEquals(0, hard.seed());
        assertEquals(hard, hard.withSeed(0));
        DemoScene standard = new DemoScene(640, 360, 8, hard);
        DemoScene a = new DemoScene(640, 360, 8, hard.withSeed(7));
        DemoScene again = new DemoScene(640, 360, 8, hard.withSeed(7));
        DemoScene b = new DemoScene(640, 360, 8, hard.withSeed(8));
        int differA = 0;
        int differB = 0;
        int differTime = 0;
        for (long n = 0; n < 300; n += 3) {
            assertEquals(deep(a.people(n)), deep(again.people(n)), "frame " + n);
            assertEquals(ids(a.truth(n)), ids(again.truth(n)), "frame " + n);
            assertEquals(a.time(n), again.time(n));
            differA += deep(a.people(n)).equals(deep(standard.people(n))) ? 0 : 1;
            differB += deep(a.people(n)).equals(deep(b.people(n))) ? 0 : 1;
            differTime += a.time(n) == standard.time(n) ? 0 : 1;
        }
        assertTrue(differA > 90 && differB > 90, "other seeds, other people: " + differA + ", " + differB + " of 100 frames");
        assertTrue(differTime > 90, "and other jitter: " + differTime + " of 100 frames");
        for (long n = 0; n < 600; n += 50) {
            for (DemoScene.TruthPerson t : a.truth(n)) {
                for (float[] k : t.keypoints()) {
                    assertTrue(k == null || (k[0] >= 0 && k[0] < 640 && k[1] >= 0 && k[1] < 360), "visible joints in the picture");
                }
            }
        }
    }

    private static String deep(float[][][] people) {
        return java.util.Arrays.deepToString(people);
    }

    private static List<Integer> ids(List<DemoScene.TruthPerson> truth) {
        return truth.stream().map(DemoScene.TruthPerson::id).toList();
    }
}
