package io.posegate.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Enum constants by their config names: lower case with dashes ({@code FAST_BILINEAR} is
 * {@code fast-bilinear}); a name is matched ignoring case and surrounding blanks, with dashes or underscores.
 */
final class EnumNames {
    private EnumNames() {
    }

    /** The constant of {@code type} that {@code name} names, or null. */
    static <E extends Enum<E>> E find(Class<E> type, String name) {
        String norm = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(norm)) {
                return e;
            }
        }
        return null;
    }

    /** The config names of all constants of {@code type}, in declaration order. */
    static <E extends Enum<E>> List<String> known(Class<E> type) {
        List<String> known = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            known.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return known;
    }
}
