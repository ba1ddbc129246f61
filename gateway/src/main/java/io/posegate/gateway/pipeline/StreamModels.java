package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.model.ModelDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * The models streams name for themselves ({@code model:} / {@code modelFile:} in a stream entry or a
 * {@code PUT /api/streams/{id}}): descriptors loaded once per (model, file), and their runtimes keyed by
 * (model, file, backend): {@link ModelRuntimeKey}. A stream without its own model runs the gateway's.
 * Changes happen under the gateway's lock; reads never block.
 */
final class StreamModels {
    private static final Logger LOG = Logger.getLogger(StreamModels.class.getName());

    private final ModelDescriptor defaultModel;
    private final StreamDescriptors descriptors;
    private final Map<String, ModelDescriptor> byStream = new ConcurrentHashMap<>();
    private final Map<ModelRuntimeKey, ModelRuntime> runtimes = new ConcurrentHashMap<>();
    private final Map<ModelRuntimeKey, String> errors = new ConcurrentHashMap<>();

    StreamModels(GatewayConfig config, ModelDescriptor defaultModel) {
        this.defaultModel = defaultModel;
        this.descriptors = new StreamDescriptors(config, defaultModel);
    }

    /**
     * The descriptor stream {@code s} runs (see {@link StreamDescriptors#resolve}).
     *
     * @throws ConfigException naming the stream's field and what was wrong
     */
    ModelDescriptor resolve(GatewayConfig.StreamConfig s, SourceSpec.Origin origin) {
        return descriptors.resolve(s, origin);
    }

    /** Checks {@code s}'s own model against {@code origin}'s rules without loading it (see {@link StreamDescriptors#check}). */
    void check(GatewayConfig.StreamConfig s, SourceSpec.Origin origin) {
        descriptors.check(s, origin);
    }

    void assign(String stream, ModelDescriptor d) {
        if (d == null || d == defaultModel) {
            byStream.remove(stream);
        } else {
            byStream.put(stream, d);
        }
    }

    ModelDescriptor of(String stream) {
        return byStream.getOrDefault(stream, defaultModel);
    }

    /** The runtime of {@code d} on {@code backend}, opened on first use; null (error recorded) when it cannot open. */
    ModelRuntime runtimeFor(ModelDescriptor d, String backend, BiFunction<ModelDescriptor, String, ModelRuntime> open) {
        ModelRuntimeKey k = ModelRuntimeKey.of(d, backend);
        ModelRuntime rt = runtimes.get(k);
        if (rt != null) {
            return rt;
        }
        try {
            rt = open.apply(d, backend);
            runtimes.put(k, rt);
            errors.remove(k);
            LOG.info("backend " + rt.label() + " opened " + d.name() + " in " + rt.openMillis() + " ms");
            return rt;
        } catch (RuntimeException e) {
            errors.put(k, e.getMessage() == null ? e.toString() : e.getMessage());
            LOG.warning("backend '" + backend + "' failed to open " + d.modelFile() + ": " + e.getMessage());
            return null;
        }
    }

    String error(ModelDescriptor d, String backend) {
        return errors.get(ModelRuntimeKey.of(d, backend));
    }

    /**
     * The runtimes by {@link ModelRuntimeKey#shown()}; when two files of the same name in different folders
     * run on one backend, the ones after the first by whole path get {@code #2}, {@code #3}, ... appended (ordered
     * by whole path, so the same runtimes are always shown under the same names).
     */
    Map<String, ModelRuntime> runtimes() {
        Map<String, ModelRuntime> shown = new LinkedHashMap<>();
        runtimes.entrySet().stream().sorted(java.util.Comparator.comparing(e -> String.valueOf(e.getKey().file()))).forEach(e -> {
            String name = e.getKey().shown();
            for (int n = 2; shown.putIfAbsent(name, e.getValue()) != null; n++) {
                name = e.getKey().shown() + " #" + n;
            }
        });
        return Map.copyOf(shown);
    }

    /** The backend name {@code rt} was asked for, if it is one of these runtimes; else null. */
    String backendOf(ModelRuntime rt) {
        for (Map.Entry<ModelRuntimeKey, ModelRuntime> e : runtimes.entrySet()) {
            if (e.getValue() == rt) {
                return e.getKey().backend();
            }
        }
        return null;
    }

    /** Puts {@code next} (null: nothing) in place of {@code old}; false if {@code old} is no longer one of these. */
    boolean replace(ModelRuntime old, ModelRuntime next) {
        for (Map.Entry<ModelRuntimeKey, ModelRuntime> e : List.copyOf(runtimes.entrySet())) {
            if (e.getValue() == old) {
                if (next == null) {
                    runtimes.remove(e.getKey());
                } else {
                    runtimes.put(e.getKey(), next);
                }
                return true;
            }
        }
        return false;
    }

    /** Removes the runtimes no stream is bound to, for the caller to close once their runs finish. */
    List<ModelRuntime> retireUnused(Collection<StreamPipeline> streams) {
        List<ModelRuntime> retired = new ArrayList<>();
        for (Map.Entry<ModelRuntimeKey, ModelRuntime> e : List.copyOf(runtimes.entrySet())) {
            if (streams.stream().noneMatch(s -> s.runtime() == e.getValue())) {
                runtimes.remove(e.getKey());
                retired.add(e.getValue());
            }
        }
        return retired;
    }

    void close() {
        runtimes.values().forEach(ModelRuntime::close);
        runtimes.clear();
    }
}
