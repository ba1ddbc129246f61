package io.posegate.gateway.control;

import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.Probe;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a config change that arrives while the gateway runs (the fleet's desired config) before anything
 * is touched: only fields the gateway can change live, then the whole resulting tree through the same
 * validation as the config file ({@link ConfigReloader#validate}), then the streams it sets under the HTTP
 * API's rules (they do not come from the trusted local file: no {@code pipe:} commands, files only inside the
 * media folder, no internal addresses), then every backend it names through its provider's probe, so a box
 * that cannot satisfy the change refuses it with the probe's reason.
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
        Set<String> backends = new LinkedHashSet<>();
        backends.add(next.backend());
        next.streams().forEach(s -> {
            if (s.backend() != null) {
                backends.add(s.backend());
            }
        });
        List<String> problems = new ArrayList<>();
        for (String b : backends) {
            String p = unsatisfiable(b, gateway);
            if (p != null) {
                problems.add(p);
            }
        }
        return problems.isEmpty() ? new Verdict(200, null, List.of(), next)
                : new Verdict(422, String.join("; ", problems), problems, null);
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

    /** Why this box cannot run {@code backend} for its model, from the provider's probe; null if it can. */
    public static String unsatisfiable(String backend, Gateway gateway) {
        ModelFormat format = gateway.descriptor().format();
        try {
            BackendProvider p = gateway.registry().select(backend, format);
            Probe probe = gateway.registry().probe(p.name());
            if (!probe.available()) {
                return "backend '" + p.name() + "' is not available on this box: " + probe.reason();
            }
            if (!probe.canLoad(format)) {
                return "backend '" + p.name() + "' does not load model format '" + format.id() + "' of model '"
                        + gateway.descriptor().name() + "'; it loads " + probe.formats().stream().map(ModelFormat::id).sorted().toList();
            }
            return null;
        } catch (BackendException e) {
            return e.getMessage();
        }
    }
}
