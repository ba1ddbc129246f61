package io.posegate.grouping.decode;

import static java.util.Objects.requireNonNull;

import io.posegate.grouping.FeatureMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * One frame's maps by output role, as handed to {@link PoseDecoder#decode}. Implementations are views the
 * caller fills per frame (e.g. a reusable holder over the backend's output tensors); a decoder only reads.
 */
@FunctionalInterface
public interface DecoderInputs {
    /**
     * The map for {@code role}, or null when the frame has none (decoders then fail naming the role).
     */
    FeatureMap map(String role);

    /**
     * The map for {@code role}.
     *
     * @throws IllegalArgumentException naming the role when it is missing
     */
    default FeatureMap require(String role) {
        FeatureMap m = map(role);
        if (m == null) {
            throw new IllegalArgumentException("no '" + role + "' output for this decoder");
        }
        return m;
    }

    /** A view over a role -&gt; map table; a missing role's error lists the roles present. */
    static DecoderInputs of(Map<String, FeatureMap> maps) {
        requireNonNull(maps, "maps is null");
        return new DecoderInputs() {
            @Override
            public FeatureMap map(String role) {
                return maps.get(role);
            }

            @Override
            public FeatureMap require(String role) {
                FeatureMap m = maps.get(role);
                if (m == null) {
                    throw new IllegalArgumentException("no '" + role + "' output; the frame has "
                            + new TreeSet<>(maps.keySet()));
                }
                return m;
            }
        };
    }
}
