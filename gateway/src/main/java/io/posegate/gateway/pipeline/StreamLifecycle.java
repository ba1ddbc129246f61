package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.ingest.SourceSupervisor;
import io.posegate.gateway.model.ModelDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Adds, replaces and removes a gateway's streams: builds each stream's source, tracker and pipeline, binds it
 * to its model's runtime and hands it to the shared workers. A runtime that no stream runs on any more after a
 * replacement or a removal (a stream's own model, or the gateway's model on a backend only that stream named;
 * never the default backend's) is retired and closes once its runs in flight finish. Blocks (opening models,
 * starting sources): call it from worker threads, never an event loop.
 */
final class StreamLifecycle {
    private final GatewayState state;
    private final GatewayConfig config;
    private final SourceFactory sources;
    private final TrackerFactory trackers;
    private final InferenceScheduler scheduler;
    private final RuntimeOpener opener;
    private final BiConsumer<String, SourceState> onState;

    StreamLifecycle(GatewayState state, GatewayConfig config, SourceFactory sources, TrackerFactory trackers,
                    InferenceScheduler scheduler, RuntimeOpener opener, BiConsumer<String, SourceState> onState) {
        this.state = state;
        this.config = config;
        this.sources = sources;
        this.trackers = trackers;
        this.scheduler = scheduler;
        this.opener = opener;
        this.onState = onState;
    }

    /** See {@link Gateway#checkStream}. */
    void check(GatewayConfig.StreamConfig s, SourceSpec.Origin origin) {
        state.models.check(s, origin);
        sources.create(specOf(s, origin)).close();
    }

    /** See {@link Gateway#modelOf}. */
    ModelDescriptor model(GatewayConfig.StreamConfig s, SourceSpec.Origin origin) {
        synchronized (state.lock) {
            return state.models.resolve(s, origin);
        }
    }

    /** See {@link Gateway#addStream}. */
    StreamPipeline add(GatewayConfig.StreamConfig s, SourceSpec.Origin origin) {
        SourceSpec spec = specOf(s, origin);
        List<ModelRuntime> retired = new ArrayList<>();
        StreamPipeline added;
        synchronized (state.lock) {
            int max = config.bounds().maxStreams();
            if (!state.streams.containsKey(s.id()) && state.streams.size() >= max) {
                throw new StreamLimitException("stream '" + s.id() + "' not added: " + state.streams.size()
                        + " streams exist, the limit inference.maxStreams is " + max + "; remove one first");
            }
            ModelDescriptor d = state.models.resolve(s, origin);
            FrameSource source = sources.create(spec);
            String backend = s.backend() == null ? state.runtimes.defaultBackend() : s.backend();
            boolean gatewayModel = d == state.descriptor;
            ModelRuntime rt = gatewayModel ? state.runtimes.runtimeFor(backend)
                    : state.models.runtimeFor(d, backend, opener::open);
            StreamPipeline p = new StreamPipeline(s.id(), spec, source, SourceSupervisor.Backoff.defaults(), rt,
                    trackers.create(d), scheduler::wake, st -> onState.accept(s.id(), st));
            if (rt == null) {
                p.fail("backend '" + backend + "' failed: " + (gatewayModel ? state.runtimes.error(backend)
                        : state.models.error(d, backend)));
            }
            state.models.assign(s.id(), d);
            StreamPipeline replaced = state.streams.put(s.id(), p);
            if (replaced != null) {
                scheduler.remove(replaced);
                replaced.close();
                retired.addAll(state.takeUnusedRuntimes());
            }
            if (s.backend() != null) {
                state.streamBackends.put(s.id(), s.backend());
            } else {
                state.streamBackends.remove(s.id());
            }
            scheduler.add(p);
            p.start();
            state.events.streamAdded(s.id());
            added = p;
        }
        retired.forEach(ModelRuntime::close);
        return added;
    }

    private static SourceSpec specOf(GatewayConfig.StreamConfig s, SourceSpec.Origin origin) {
        return new SourceSpec(s.source(), origin, s.maxFps(), s.width(), s.height(), s.options());
    }

    /** See {@link Gateway#removeStream}; with {@code expected} not null, only while that pipeline is stream {@code id}. */
    boolean remove(String id, StreamPipeline expected) {
        List<ModelRuntime> retired;
        synchronized (state.lock) {
            if (expected != null && state.streams.get(id) != expected) {
                return false;
            }
            StreamPipeline old = state.streams.remove(id);
            state.streamBackends.remove(id);
            state.models.assign(id, null);
            if (old == null) {
                return false;
            }
            scheduler.remove(old);
            old.close();
            retired = state.takeUnusedRuntimes();
            state.events.streamRemoved(id);
        }
        retired.forEach(ModelRuntime::close);
        return true;
    }
}
