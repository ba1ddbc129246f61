package io.posegate.grouping.decode;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common part of a {@link DecoderFactory}: a family's name, the output roles it reads (needed and optional) and its
 * parameters with their defaults, fixed at construction. A family only says how to {@link #create} a decoder.
 * Subclasses keep a public no-argument constructor, as {@link java.util.ServiceLoader} needs.
 */
public abstract class DecoderFamily implements DecoderFactory {
    private final String name;
    private final List<String> roles;
    private final List<String> optionalRoles;
    private final Map<String, Object> parameterDefaults;

    /** A family reading only the roles it needs. */
    protected DecoderFamily(String name, List<String> roles, Map<String, Object> parameterDefaults) {
        this(name, roles, List.of(), parameterDefaults);
    }

    /** A family reading {@code roles} and, when the frame has them, {@code optionalRoles}. */
    protected DecoderFamily(String name, List<String> roles, List<String> optionalRoles, Map<String, Object> parameterDefaults) {
        this.name = requireNonNull(name, "name is null");
        this.roles = List.copyOf(requireNonNull(roles, "roles is null"));
        this.optionalRoles = List.copyOf(requireNonNull(optionalRoles, "optionalRoles is null"));
        this.parameterDefaults = Collections.unmodifiableMap(
                new LinkedHashMap<>(requireNonNull(parameterDefaults, "parameterDefaults is null")));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> roles() {
        return roles;
    }

    @Override
    public final List<String> optionalRoles() {
        return optionalRoles;
    }

    @Override
    public final Map<String, Object> parameterDefaults() {
        return parameterDefaults;
    }
}
