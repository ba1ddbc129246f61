package io.posegate.gateway.cli;

import io.posegate.gateway.auth.LoginCodes;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.http.GatewayVerticle;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.security.Redaction;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code posegate run}: starts the gateway and serves until interrupted. */
@Command(name = "run", description = "Start the gateway (default config: config/gateway.yaml, the demo).")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", description = "Config file (default: ${DEFAULT-VALUE}).", defaultValue = "config/gateway.yaml")
    Path config;

    @Option(names = "--port", description = "HTTP port (0 = any free port).")
    Integer port;

    @Option(names = "--host", description = "Address to bind (default 127.0.0.1).")
    String host;

    @Option(names = "--source", description = "A source URI (repeatable); replaces the config's streams: demo:, file:PATH, images:DIR, rtsp://...")
    List<String> sources;

    @Option(names = "--model", description = "Model descriptor name (in config/models) or path.")
    String model;

    @Option(names = "--model-file", description = "Overrides the model file named in the descriptor.")
    Path modelFile;

    @Option(names = "--backend", description = "auto, or a backend name (see 'posegate backends').")
    String backend;

    @Option(names = "--fleet-broker", description = "Join a fleet: the MQTT 5 broker, mqtt://HOST:PORT or mqtts://HOST:PORT (fleet.broker).")
    String fleetBroker;

    @Option(names = "--box-id", description = "This box's id in the fleet (fleet.boxId).")
    String boxId;

    @Option(names = "--fleet-group", description = "A fleet group this box follows (repeatable; fleet.groups).")
    List<String> fleetGroups;

    @Override
    public Integer call() throws Exception {
        Vertx vertx = io.posegate.gateway.metrics.PoseMetrics.newVertx();
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            GatewayConfigLoader loader = new GatewayConfigLoader(vertx, config);
            Map<String, Object> overrides = overrides();
            GatewayConfig cfg = loader.load(overrides).toCompletionStage().toCompletableFuture().join();
            GatewayVerticle v = GatewayLauncher.deployWatching(vertx, loader, cfg, overrides, 2000).toCompletionStage().toCompletableFuture().join();
            announceLogin(v, cfg);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null && e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
            spec.commandLine().getErr().println("error: " + Redaction.text(cause.getMessage()));
            vertx.close();
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            stopped.countDown();
        }, "posegate-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * With no configured token, keeps the generated admin token in an owner-only file and prints a login URL carrying
     * a single-use login code (not the token); the token itself only when the file could not be written.
     */
    private void announceLogin(GatewayVerticle v, GatewayConfig cfg) {
        if (v.generatedAdminToken() == null) {
            return;
        }
        spec.commandLine().getOut().println(announcement(config, cfg, v.actualPort(), v.newLoginCode(), v.generatedAdminToken(),
                RunTokenFile.defaultPath(v.actualPort())));
        spec.commandLine().getOut().flush();
    }

    /** Writes {@code token} to {@code tokenFile} and returns what {@code run} prints (see {@link #loginAdvice}). */
    static String announcement(Path config, GatewayConfig cfg, int port, String code, String token, Path tokenFile) {
        try {
            return loginAdvice(config, cfg, port, code, token, RunTokenFile.write(tokenFile, token), null);
        } catch (java.io.IOException e) {
            return loginAdvice(config, cfg, port, code, token, null, String.valueOf(e.getMessage()));
        }
    }

    /**
     * What {@code run} prints when it generated the admin token: the login URL with {@code code}, and where the token is
     * ({@code savedIn}), or, when it could not be saved ({@code savedIn} null), the token itself.
     */
    static String loginAdvice(Path config, GatewayConfig cfg, int port, String code, String token, Path savedIn, String whyNotSaved) {
        String newCode = cfg.security().tls() == null ? LoginUrlCommand.commandFor(cfg.http().host(), port) : null;
        return "No tokens in " + config + ": " + LoginAdvice.advice("the dashboard", dashboardUrl(cfg, port), code, token, savedIn, whyNotSaved,
                newCode)
                + "\nPermanent tokens: posegate token add --role admin|viewer --name NAME --config " + config;
    }

    /** The dashboard URL that logs in with the single-use login {@code code}. */
    static String loginUrl(GatewayConfig cfg, int port, String code) {
        return dashboardUrl(cfg, port) + "?login=" + code;
    }

    /** The dashboard's URL, without a token. */
    static String dashboardUrl(GatewayConfig cfg, int port) {
        return (cfg.security().tls() == null ? "http" : "https") + "://" + LoginAdvice.urlHost(cfg.http().host()) + ":" + port + "/";
    }

    private Map<String, Object> overrides() {
        Map<String, Object> o = new LinkedHashMap<>();
        if (port != null) {
            o.put("http.port", port);
        }
        if (host != null) {
            o.put("http.host", host);
        }
        if (model != null) {
            o.put("model", model);
        }
        if (modelFile != null) {
            o.put("modelFile", modelFile.toAbsolutePath().toString());
        }
        if (backend != null) {
            o.put("backend", backend);
        }
        if (fleetBroker != null) {
            o.put("fleet.broker", fleetBroker);
        }
        if (boxId != null) {
            o.put("fleet.boxId", boxId);
        }
        if (fleetGroups != null && !fleetGroups.isEmpty()) {
            o.put("fleet.groups", new io.vertx.core.json.JsonArray(fleetGroups));
        }
        if (sources != null && !sources.isEmpty()) {
            JsonObject streams = new JsonObject();
            for (int i = 0; i < sources.size(); i++) {
                streams.put(sources.size() == 1 ? "main" : "s" + i, new JsonObject().put("source", sources.get(i)));
            }
            o.put("streams", streams);
        }
        return o;
    }
}
