package io.posegate.gateway.eval;

import io.posegate.grouping.Poses;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Counts what a viewer of the stream sees: distinct ids, and people per frame. Not thread-safe. */
public final class PeopleStats {
    private final Set<Integer> ids = new HashSet<>();
    private long frames;
    private long people;
    private int maxPeople;
    private long untracked;

    public void add(Poses poses) {
        frames++;
        people += poses.count();
        maxPeople = Math.max(maxPeople, poses.count());
        for (int p = 0; p < poses.count(); p++) {
            if (poses.id(p) >= 0) {
                ids.add(poses.id(p));
            } else {
                untracked++;
            }
        }
    }

    public long frames() {
        return frames;
    }

    public int distinctIds() {
        return ids.size();
    }

    public double meanPeople() {
        return frames == 0 ? 0 : people / (double) frames;
    }

    public int maxPeople() {
        return maxPeople;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d frames: %d distinct ids, %.2f people per frame (at most %d)%s", frames,
                ids.size(), meanPeople(), maxPeople, untracked > 0 ? ", " + untracked + " people without an id" : "");
    }
}
