package io.posegate.gateway.pipeline;

import io.posegate.grouping.Poses;

/** Assigns stable ids (and optionally smooths) people of one stream, in source pixels. Used by one thread at a time. */
public interface PoseTracker {
    void track(Poses poses, long captureEpochMillis);

    /**
     * Whether {@link #track} uses people's limb colours (appearance); when not, the gateway does not sample
     * them (the people it is given then have none). None by default.
     */
    default boolean usesAppearance() {
        return false;
    }
}
