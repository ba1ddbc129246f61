package io.posegate.gateway.pipeline;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.grouping.tracking.KeypointSigmas;
import io.posegate.grouping.tracking.Tracker;
import io.posegate.grouping.tracking.TrackerParams;

/** Trackers from the grouping module, configured by the gateway's {@code tracking} section. */
public final class GroupingTrackers {
    private GroupingTrackers() {
    }

    public static TrackerFactory from(GatewayConfig.Tracking t) {
        if (!t.enabled()) {
            return d -> null;
        }
        TrackerParams defaults = TrackerParams.defaults();
        TrackerParams params = new TrackerParams(t.oksThreshold(), t.maxAge(), t.smoothing(), defaults.minCutoff(),
                defaults.beta(), defaults.dCutoff());
        return d -> {
            Tracker tracker = new Tracker(params, d.topology().keypointCount(), d.decoder().maxPeople());
            float[] sigmas = KeypointSigmas.forNames(d.topology().keypoints());
            return (poses, captureMillis) -> tracker.update(poses, captureMillis * 1_000_000L, sigmas);
        };
    }
}
