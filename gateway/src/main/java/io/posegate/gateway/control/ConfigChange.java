package io.posegate.gateway.control;

import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.pipeline.Gateway;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a config change that arrives while the gateway runs (the fleet's desired config) before anything
 * is touched: only fields the gateway can change live, then the whole resulting tree through the same
 * validation as the config file ({@link ConfigReloader#validate}), then the streams it sets under the HTTP
 * API's rules (they do not come from the trusted local file: no {@code pipe:} commands, files only inside the
 * media folder, no internal addresses), then every backend it would run through its provider's probe, for every
 * model it would run (the gateway's, and each stream's own, see {@link BackendFit}), so a box that cannot satisfy the
 * change refuses it with the probe's reason, naming the stream and its model where it is a stream's. Streams that
 * follow the default are checked against the default the change would leave running
 * ({@link ConfigReloader#defaultBackendAfter}), which is the file's {@code backend} only when the change names
 * {@code backend} or the file's changed; else a backend chosen at run time runs on.
 */
public final class ConfigChange {
    /** Top-level fields a change may set; they replace the file's fields of the same name. */
    public static final List<String> CHANGEABLE = List.of("backend", "streams");

    private ConfigChange() {
    }

    /**
     * The verdict on a change.
     *
     * @param status   200 acceptable, 400 invalid, 409 overridden on this box, 422 valid but not satisfiable here
     * @param error    null when acceptable, else what was wrong
     * @param problems every problem found (config paths included)
     * @param config   the validated config the change leads to, or null
     */
    public record Verdict(int status, String error, List<String> problems, GatewayConfig config) {
        public boolean ok() {
            return status == 200;
        }
    }

    public static Verdict check(JsonObject change, ConfigReloader reloader, Gateway gateway) {
        for (String key : change.fieldNames()) {
            if (!CHANGEABLE.contains(key)) {
                String e = "field '" + key + "' cannot be changed at run time; changeable: " + CHANGEABLE;
                return new Verdict(400, e, List.of(e), null);
            }
        }
        GatewayConfig next;
        try {
            next = reloader.validate(ConfigReloader.replacing(reloader.fileTree(), change));
        } catch (ConfigException e) {
            return new Verdict(400, e.getMessage(), e.problems(), null);
        } catch (RuntimeException e) {
            return new Verdict(400, String.valueOf(e.getMessage()), List.of(String.valueOf(e.getMessage())), null);
        }
        if (change.containsKey("streams")) {
            List<String> refused = refusedStreams(next, gateway);
            if (!refused.isEmpty()) {
                return new Verdict(400, String.join("; ", refused), refused, null);
            }
        }
        if (change.getValue("backend") != null && !String.valueOf(change.getValue("backend")).equals(next.backend())) {
            String e = "backend is fixed on this box by a command-line flag or POSEGATE_BACKEND ('" + next.backend()
                    + "'), which win over the config file and desired config";
            return new Verdict(409, e, List.of(e), null);
        }
        String backend = reloader.defaultBackendAfter(next, change.containsKey("backend"), false);
        List<String> problems = backendProblems(next, backend, change.containsKey("streams") ? SourceSpec.Origin.API
                : reloader.streamsOrigin(), reloader, gateway);
        return problems.isEmpty() ? new Verdict(200, null, List.of(), next)
                : new Verdict(422, String.join("; ", problems), problems, null);
    }

    /**
     * Why this box could not run the backends {@code next} leads to: the default backend it would leave running
     * ({@code backend}, from {@link ConfigReloader#defaultBackendAfter}: {@code next}'s own only when the change names
     * it or the config's backend changed, else the one running now, such as a run-time choice) for the gateway's model,
     * each stream of {@code next} on its own model or backend for that model, and each running stream the reloader does
     * not manage (added through the API) that has a model of its own and follows the default. A stream whose model
     * cannot be loaded is left to the stream checks.
     */
    private static List<String> backendProblems(GatewayConfig next, String defaultBackend, SourceSpec.Origin origin,
                                                ConfigReloader reloader, Gateway gateway) {
        List<String> problems = new ArrayList<>();
        String p = unsatisfiable(defaultBackend, gateway);
        if (p != null) {
            problems.add(p);
        }
        Set<String> inNext = new HashSet<>();
        for (GatewayConfig.StreamConfig s : next.streams()) {
            inNext.add(s.id());
            String backend = s.backend() == null ? defaultBackend : s.backend();
            ModelDescriptor d;
            try {
                d = gateway.modelOf(s, origin);
            } catch (RuntimeException e) {
                continue;
            }
            if (d == gateway.descriptor() && backend.equals(defaultBackend)) {
                continue;
            }
            String why = BackendFit.forStream(s.id(), d, backend, gateway);
            if (why != null) {
                problems.add(why);
            }
        }
        problems.addAll(BackendFit.followingStreams(defaultBackend, gateway, id -> inNext.contains(id) || reloader.manages(id)));
        return problems;
    }

    /** Each stream of {@code next} the API's rules refuse, as "stream ID: why"; checked without starting anything. */
    private static List<String> refusedStreams(GatewayConfig next, Gateway gateway) {
        List<String> refused = new ArrayList<>();
        for (GatewayConfig.StreamConfig s : next.streams()) {
            try {
                gateway.checkStream(s, SourceSpec.Origin.API);
            } catch (ConfigException e) {
                refused.add("stream " + s.id() + ": " + String.join("; ", e.problems()));
            } catch (RuntimeException e) {
                refused.add("stream " + s.id() + ": " + e.getMessage() + " (desired config is held to the HTTP API's rules)");
            }
        }
        return refused;
    }

    /** Why this box cannot run {@code backend} for the gateway's model, from the provider's probe; null if it can. */
    public static String unsatisfiable(String backend, Gateway gateway) {
        return BackendFit.unsatisfiable(backend, gateway.descriptor(), gateway);
    }

    /**
     * Why this box cannot make {@code backend} the default now: for the gateway's model, and for each running stream
     * with a model of its own that follows the default (named with its model); empty if it can.
     */
    public static List<String> unsatisfiableAsDefault(String backend, Gateway gateway) {
        List<String> problems = new ArrayList<>();
        String p = unsatisfiable(backend, gateway);
        if (p != null) {
            problems.add(p);
        }
        problems.addAll(BackendFit.followingStreams(backend, gateway, id -> false));
        return problems;
    }
}
