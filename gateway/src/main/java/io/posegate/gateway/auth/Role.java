package io.posegate.gateway.auth;

import java.util.Arrays;
import java.util.Locale;

/** What a token may do. {@link #ADMIN} can do everything a {@link #VIEWER} can. */
public enum Role {
    /** Reads the dashboard, {@code /ws}, {@code /api} GETs and MJPEG. */
    VIEWER,
    /** Also changes config, streams and backends, and sends webcam frames. */
    ADMIN;

    /** Whether this role may do what {@code needed} may. */
    public boolean covers(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    /** The name used in config, the CLI and messages: {@code viewer} or {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the known roles */
    public static Role parse(String label) {
        for (Role r : values()) {
            if (r.label().equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + label + "'; known: "
                + Arrays.stream(values()).map(Role::label).toList());
    }
}
