package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.model.ModelDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What the parts of a {@link Gateway} share: the lock that serialises every change (readers never take it),
 * the streams by id, the backend each stream named for itself, the model each stream runs with its runtimes,
 * the gateway model's runtimes and the listeners. The maps are concurrent, so reads never block.
 */
final class GatewayState {
    final Object lock = new Object();
    final ModelDescriptor descriptor;
    final Map<String, StreamPipeline> streams = new ConcurrentSkipListMap<>();
    /** Backends streams named for themselves, by stream id; a stream that follows the default has none. */
    final Map<String, String> streamBackends = new ConcurrentHashMap<>();
    final StreamModels models;
    final DefaultRuntimes runtimes;
    final GatewayEvents events;

    GatewayState(ModelDescriptor descriptor, StreamModels models, DefaultRuntimes runtimes, GatewayEvents events) {
        this.descriptor = descriptor;
        this.models = models;
        this.runtimes = runtimes;
        this.events = events;
    }

    /**
     * Under {@link #lock}: takes out every runtime no stream runs on any more (the gateway model's on backends
     * other than the default, and streams' own models), for the caller to close outside the lock once their runs
     * in flight finish. The default backend's runtime always stays.
     */
    List<ModelRuntime> takeUnusedRuntimes() {
        List<ModelRuntime> unused = new ArrayList<>(runtimes.removeUnused(streams.values()));
        unused.addAll(models.retireUnused(streams.values()));
        return unused;
    }
}
