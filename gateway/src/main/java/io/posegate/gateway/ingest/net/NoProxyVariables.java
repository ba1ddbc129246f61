package io.posegate.gateway.ingest.net;

import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The {@code no_proxy} / {@code NO_PROXY} environment variables, which FFmpeg's HTTP and TLS code reads itself: a
 * request to a host they match skips the {@code http_proxy} FFmpeg was given, and so skips the {@link EgressProxy}'s
 * check (a redirect or HLS segment to an internal host would be fetched unchecked). Java cannot unset a variable
 * of its own process, so while either is set to anything, network sources from the API that rely on the proxy are
 * refused, and the operator is told to start the gateway without them.
 */
public final class NoProxyVariables {
    /** The names FFmpeg reads. */
    public static final List<String> NAMES = List.of("no_proxy", "NO_PROXY");
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
                + "An administrator can restart the gateway without it (env -u no_proxy -u NO_PROXY posegate run ...)";
    }

    /** Logs one warning when {@code env} sets either variable; returns the names set. */
    public static List<String> warnIfSet(Function<String, String> env) {
        List<String> set = setIn(env);
        if (!set.isEmpty()) {
            LOG.warning(String.join(" and ", set) + " is set in the gateway's environment: HTTP(S) and MJPEG-over-HTTP "
                    + "sources from the API will be refused, because FFmpeg would bypass the egress proxy's checks for "
                    + "matching hosts. Start the gateway with env -u no_proxy -u NO_PROXY to accept them.");
        }
        return set;
    }
}
