package io.posegate.gateway.ingest;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A source URI split into scheme, body and options. Options come from the URI fragment
 * ({@code file:clip.mp4#loop=true&pace=fast}, read by {@link QueryString}; a bare {@code #loop} is
 * {@code loop=true}; a fragment is never sent to a server) and from
 * {@link SourceSpec#options()}, which win. {@code pipe:} keeps its whole body (shell text may hold '#').
 *
 * @param scheme  lower-case scheme, e.g. {@code rtsp}
 * @param body    everything after {@code scheme:} up to the fragment
 * @param options merged options
 */
public record SourceUri(String scheme, String body, Map<String, String> options) {
    public SourceUri {
        requireNonNull(scheme, "scheme is null");
        requireNonNull(body, "body is null");
        options = Map.copyOf(options);
    }

    public static SourceUri parse(SourceSpec spec) {
        requireNonNull(spec, "spec is null");
        String scheme = spec.scheme();
        String rest = spec.uri().substring(Math.min(spec.uri().length(), scheme.length() + 1));
        Map<String, String> options = new LinkedHashMap<>();
        int hash = rest.indexOf('#');
        if (hash >= 0 && !scheme.equals("pipe")) {
            options.putAll(QueryString.toMap(rest.substring(hash + 1), "true", scheme));
            rest = rest.substring(0, hash);
        }
        options.putAll(spec.options());
        return new SourceUri(scheme, rest, options);
    }

    /** The URI without its fragment, e.g. {@code rtsp://cam/stream}. */
    public String withoutFragment() {
        return scheme + ":" + body;
    }

    /**
     * @throws IllegalArgumentException naming the scheme and the first option not in {@code known}, listing the known ones
     */
    public void requireOnly(java.util.Set<String> known) {
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(scheme + ": unknown option '" + key + "'; known: "
                        + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public boolean flag(String name, boolean fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("option '" + name + "' must be true or false, got '" + v + "'");
        };
    }

    public double number(String name, double fallback) {
        String v = options.get(name);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + name + "' must be a number, got '" + v + "'");
        }
    }
}
