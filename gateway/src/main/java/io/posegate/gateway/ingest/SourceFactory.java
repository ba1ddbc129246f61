package io.posegate.gateway.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Creates a {@link FrameSource} from a {@link SourceSpec} by URI scheme. An unknown scheme fails and
 * lists the known ones; schemes refused for the spec's origin fail naming the rule.
 */
public final class SourceFactory {
    private final Map<String, Function<SourceSpec, FrameSource>> byScheme = new TreeMap<>();

    public SourceFactory register(String scheme, Function<SourceSpec, FrameSource> creator) {
        byScheme.put(requireNonNull(scheme, "scheme is null"), requireNonNull(creator, "creator is null"));
        return this;
    }

    /**
     * @throws IllegalArgumentException naming the URI and listing the known schemes
     */
    public FrameSource create(SourceSpec spec) {
        requireNonNull(spec, "spec is null");
        Function<SourceSpec, FrameSource> creator = byScheme.get(spec.scheme());
        if (creator == null) {
            throw new IllegalArgumentException("unknown source scheme in '" + spec.uri() + "'; known: "
                    + String.join(", ", byScheme.keySet()));
        }
        return creator.apply(spec);
    }
}
