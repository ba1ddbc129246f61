package io.posegate.gateway.eval;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.pipeline.GroupingTrackers;
import io.posegate.grouping.tracking.GreedyOksTracker;
import io.posegate.grouping.tracking.MultiPersonTracker;
import io.posegate.grouping.tracking.Tracker;
import io.posegate.grouping.tracking.TrackerParams;
import java.util.Locale;

/** The trackers an evaluation can compare: the gateway's tracker, and the first (greedy OKS) one. */
public enum TrackerKind {
    /** {@link Tracker} with the gateway's default tracking settings and the descriptor's publish rule. */
    TRACKER,
    /** {@link GreedyOksTracker} as the gateway ran it before (OKS 0.3, 10 frames, no smoothing). */
    GREEDY;

    public MultiPersonTracker create(ModelDescriptor d) {
        return create(d, TrackerParams.defaults().appearance().enabled());
    }

    /** As {@link #create(ModelDescriptor)}, with the tracker's appearance cue on or off (the greedy tracker has none). */
    public MultiPersonTracker create(ModelDescriptor d, boolean appearance) {
        int keypoints = d.topology().keypointCount();
        int people = d.decoder().maxPeople();
        if (this == GREEDY) {
            return new GreedyOksTracker(0.3f, 10, false, keypoints, people);
        }
        TrackerParams p = TrackerParams.defaults();
        GatewayConfig.Tracking defaults = new GatewayConfig.Tracking(true, p.minSimilarity(), p.maxLostFrames(), false,
                p.maxLostSeconds(), appearance);
        return new Tracker(GroupingTrackers.params(defaults).withPublish(d.publish()), keypoints,
                Math.max(16, 2 * people));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the known kinds */
    public static TrackerKind parse(String name) {
        for (TrackerKind k : values()) {
            if (k.label().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown tracker '" + name + "'; known: tracker, greedy");
    }
}
