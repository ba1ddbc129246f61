package io.posegate.grouping.decode;

import static java.util.Objects.requireNonNull;

import io.posegate.grouping.Topology;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The decoder registry: every {@link DecoderFactory} on the class path, by name ({@code paf},
 * {@code posenet}, {@code single-person}, {@code associative-embedding} are built in). Thread-safe.
 */
public final class Decoders {
    private static final Map<String, DecoderFactory> FACTORIES = load();

    private Decoders() {
    }

    private static Map<String, DecoderFactory> load() {
        Map<String, DecoderFactory> found = new TreeMap<>();
        for (DecoderFactory f : ServiceLoader.load(DecoderFactory.class, Decoders.class.getClassLoader())) {
            DecoderFactory before = found.putIfAbsent(f.name(), f);
            if (before != null && before.getClass() != f.getClass()) {
                throw new IllegalStateException("two decoders named '" + f.name() + "': " + before.getClass().getName()
                        + " and " + f.getClass().getName());
            }
        }
        return Map.copyOf(found);
    }

    /** The registered names, sorted. */
    public static List<String> names() {
        return List.copyOf(new TreeMap<>(FACTORIES).keySet());
    }

    /** @throws IllegalArgumentException for an unknown name, listing the known ones */
    public static DecoderFactory factory(String name) {
        requireNonNull(name, "name is null");
        DecoderFactory f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown decoder '" + name + "'; known decoders: " + String.join(", ", names()));
        }
        return f;
    }

    /** The output roles decoder {@code name} needs. @throws IllegalArgumentException for an unknown name */
    public static List<String> roles(String name) {
        return factory(name).roles();
    }

    /**
     * The output roles decoder {@code name} also reads when given (see {@link DecoderFactory#optionalRoles}).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static List<String> optionalRoles(String name) {
        return factory(name).optionalRoles();
    }

    /**
     * A new decoder with its own workspace (for one thread).
     *
     * @throws IllegalArgumentException for an unknown name (listing the known ones) or bad parameters
     */
    public static PoseDecoder create(String name, Topology topology, DecoderParams params) {
        requireNonNull(topology, "topology is null");
        requireNonNull(params, "params is null");
        return factory(name).create(topology, params);
    }
}
