package io.posegate.gateway.pipeline;

import io.posegate.gateway.model.ModelDescriptor;

/** Makes a stream's tracker (may return null for none). */
@FunctionalInterface
public interface TrackerFactory {
    PoseTracker create(ModelDescriptor descriptor);
}
