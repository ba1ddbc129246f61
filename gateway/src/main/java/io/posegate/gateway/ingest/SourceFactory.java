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

    /** Registers (or replaces) the creator for a lower-case scheme. Not thread-safe: register at start-up. */
    public SourceFactory register(String scheme, Function<SourceSpec, FrameSource> creator) {
        byScheme.put(requireNonNull(scheme, "scheme is null"), requireNonNull(creator, "creator is null"));
        return this;
    }

    /** The registered schemes, sorted. */
    public java.util.Set<String> schemes() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(byScheme.keySet()));
    }

    /**
     * Creates (but does not open) the source for {@code spec}; cheap, no I/O, safe on any thread.
     *
     * @throws IllegalArgumentException naming the URI and listing the known schemes, or naming the option,
     *                                  path or origin rule the spec broke
     */
    public FrameSource create(SourceSpec spec) {
        requireNonNull(spec, "spec is null");
        Function<SourceSpec, FrameSource> creator = byScheme.get(spec.scheme());
        if (creator == null) {
            throw new IllegalArgumentException("unknown source scheme in '" + io.posegate.gateway.security.Redaction.uri(spec.uri()) + "'; known: "
                    + String.join(", ", byScheme.keySet()));
        }
        return creator.apply(spec);
    }
}
