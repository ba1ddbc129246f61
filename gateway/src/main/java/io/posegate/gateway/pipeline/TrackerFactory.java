package io.posegate.gateway.pipeline;

import io.posegate.gateway.model.ModelDescriptor;

/** Makes a stream's tracker, or returns null when tracking is off. */
@FunctionalInterface
public interface TrackerFactory {
    PoseTracker create(ModelDescriptor descriptor);
}
