package io.posegate.gateway.ingest.net;

import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The {@code no_proxy} environment variable, which FFmpeg's HTTP and TLS code reads itself (only this lowercase
 * spelling: {@code getenv("no_proxy")} in its {@code http.c} and {@code tls.c}; {@code NO_PROXY} is never read): a
 * request to a host it matches skips the {@code http_proxy} FFmpeg was given, and so skips the {@link EgressProxy}'s
 * check (a redirect or HLS segment to an internal host would be fetched unchecked). Java cannot unset a variable
 * of its own process, so while it is set to anything, network sources from the API that rely on the proxy are
 * refused, and the operator is told to start the gateway without it.
 */
public final class NoProxyVariables {
    /** The name FFmpeg reads ({@code NO_PROXY} is not read, so it does not matter). */
    public static final String NAME = "no_proxy";
    /** The names FFmpeg reads. */
    public static final List<String> NAMES = List.of(NAME);
    private static final Logger LOG = Logger.getLogger(NoProxyVariables.class.getName());

    private NoProxyVariables() {
    }

    /** The names among {@link #NAMES} that {@code env} sets to a non-empty value. */
    public static List<String> setIn(Function<String, String> env) {
        return NAMES.stream().filter(n -> {
            String v = env.apply(n);
            return v != null && !v.isEmpty();
        }).toList();
    }

    /** Why a proxied source from the API is refused while {@code set} (from {@link #setIn}, not empty) are set. */
    public static String refusal(String scheme, List<String> set) {
        return scheme + ": sources from the API are refused while the gateway runs with " + String.join(" and ", set)
                + " set: FFmpeg would send requests to hosts matching it around PoseGate's checking egress proxy. "
                + "An administrator can restart the gateway without it (env -u no_proxy java -jar posegate.jar run ...)";
    }

    /** Logs one warning when {@code env} sets {@code no_proxy}; returns the names set. */
    public static List<String> warnIfSet(Function<String, String> env) {
        List<String> set = setIn(env);
        if (!set.isEmpty()) {
            LOG.warning(String.join(" and ", set) + " is set in the gateway's environment: HTTP(S) and MJPEG-over-HTTP "
                    + "sources from the API will be refused, because FFmpeg would bypass the egress proxy's checks for "
                    + "matching hosts. Start the gateway with env -u no_proxy to accept them.");
        }
        return set;
    }
}
