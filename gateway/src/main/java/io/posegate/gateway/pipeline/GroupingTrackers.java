package io.posegate.gateway.pipeline;

import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.grouping.Poses;
import io.posegate.grouping.tracking.KeypointSigmas;
import io.posegate.grouping.tracking.PublishRule;
import io.posegate.grouping.tracking.Tracker;
import io.posegate.grouping.tracking.TrackerParams;

/**
 * Trackers from the grouping module, configured by the gateway's {@code tracking} section and the
 * descriptor's publish rule ({@code publish.minKeypoints}, {@code publish.minPersonScore}). With tracking
 * off, the publish rule still applies: people below it are not published. A stream's tracker
 * {@link PoseTracker#usesAppearance() uses appearance} when tracking and {@code tracking.appearance} are both on;
 * only then are its people's limb colours sampled.
 */
public final class GroupingTrackers {
    private GroupingTrackers() {
    }

    public static TrackerFactory from(GatewayConfig.Tracking t) {
        if (!t.enabled()) {
            return d -> filterOnly(d.publish());
        }
        TrackerParams base = params(t);
        return d -> {
            Tracker tracker = new Tracker(base.withPublish(d.publish()), d.topology().keypointCount(),
                    capacity(d));
            float[] sigmas = KeypointSigmas.forNames(d.topology().keypoints());
            boolean appearance = base.appearance().enabled();
            return new PoseTracker() {
                @Override
                public void track(Poses poses, long captureMillis) {
                    tracker.update(poses, captureMillis * 1_000_000L, sigmas);
                }

                @Override
                public boolean usesAppearance() {
                    return appearance;
                }
            };
        };
    }

    /** The tracker settings the config gives (One Euro and appearance settings but on/off from {@link TrackerParams#defaults()}). */
    public static TrackerParams params(GatewayConfig.Tracking t) {
        TrackerParams d = TrackerParams.defaults();
        return new TrackerParams(d.confirmHits(), t.maxAge(), t.maxLostSeconds(), t.oksThreshold(), d.oksWeight(),
                d.publish(), t.smoothing(), d.minCutoff(), d.beta(), d.dCutoff(), d.appearance().withEnabled(t.appearance()));
    }

    /** Room for every person of a frame plus as many tentative and lost tracks. */
    static int capacity(ModelDescriptor d) {
        return Math.max(16, 2 * d.decoder().maxPeople());
    }

    private static PoseTracker filterOnly(PublishRule rule) {
        return (poses, captureMillis) -> removeBelow(rule, poses);
    }

    private static void removeBelow(PublishRule rule, Poses poses) {
        for (int p = poses.count() - 1; p >= 0; p--) {
            if (!rule.whole(poses, p)) {
                poses.removeSwap(p);
            }
        }
    }
}
