package io.posegate.gateway.model;

import io.posegate.gateway.config.FieldReader;
import java.util.List;
import java.util.Map;

/** The registry of output decoding strategies by descriptor name. */
public final class OutputDecoders {
    private static final Map<String, List<String>> ROLES = Map.of("paf", List.of("heatmaps", "pafs"));

    private OutputDecoders() {
    }

    /** Names of the known decoders. */
    public static List<String> known() {
        return ROLES.keySet().stream().sorted().toList();
    }

    /** The tensor roles {@code decoder} needs; reports an unknown decoder through {@code r}. */
    static List<String> requiredRoles(String decoder, FieldReader r) {
        List<String> roles = ROLES.get(decoder);
        if (roles == null) {
            r.error("decoder", "unknown output decoder '" + decoder + "'; known: " + known());
            return List.of();
        }
        return roles;
    }

    /** A new decoder for the descriptor, with its own workspace. */
    public static OutputDecoder create(ModelDescriptor descriptor) {
        String name = descriptor.output().decoder();
        if ("paf".equals(name)) {
            return new PafDecoder(descriptor);
        }
        throw new IllegalArgumentException("unknown output decoder '" + name + "'; known: " + known());
    }
}
