package io.posegate.gateway.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What to open for one stream, as written in the config or sent to the API.
 *
 * @param uri     the source URI: {@code demo:}, {@code file:PATH}, {@code images:DIR}, {@code rtsp://...}, ...
 * @param origin  where the spec came from; some schemes ({@code pipe:}) are accepted only from the config file
 * @param maxFps  frame-rate cap (0 = none)
 * @param width   target width to scale decoded frames to (0 = native)
 * @param height  target height (0 = native)
 * @param options scheme-specific options (loop, pace, ...), as strings
 */
public record SourceSpec(String uri, Origin origin, double maxFps, int width, int height, Map<String, String> options) {
    public SourceSpec {
        requireNonNull(uri, "uri is null");
        requireNonNull(origin, "origin is null");
        options = Map.copyOf(requireNonNull(options, "options is null"));
    }

    public static SourceSpec of(String uri) {
        return new SourceSpec(uri, Origin.CONFIG_FILE, 0, 0, 0, Map.of());
    }

    /** The part before the first ':' (lower case), e.g. {@code "rtsp"}, {@code "demo"}. */
    public String scheme() {
        int i = uri.indexOf(':');
        return i < 0 ? "" : uri.substring(0, i).toLowerCase(java.util.Locale.ROOT);
    }

    /** Where a source spec came from, which decides what it may do. */
    public enum Origin {
        /** The local config file or the command line: trusted. */
        CONFIG_FILE,
        /** The HTTP API: untrusted; no commands, files only inside the media directory. */
        API
    }
}
