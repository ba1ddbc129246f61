package io.posegate.gateway.cli;

import io.posegate.gateway.auth.Role;
import io.posegate.gateway.auth.TokenStore;
import io.posegate.gateway.config.FleetConfigs;
import io.posegate.gateway.config.GatewayConfigLoader;
import io.posegate.gateway.config.SecurityConfig;
import io.posegate.gateway.fleet.MqttConnections;
import io.posegate.gateway.hub.EmbeddedBroker;
import io.posegate.gateway.hub.HubVerticle;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code posegate hub}: the fleet's hub, on an external broker or its own embedded one. */
@Command(name = "hub", description = "Show the whole fleet and roll config out in stages (see docs/fleet.md).",
        subcommands = HubBenchCommand.class)
final class HubCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "HTTP port of the hub page and API (default: ${DEFAULT-VALUE}; 0 = any free port).", defaultValue = "8090")
    int port;

    @Option(names = "--host", description = "Address the page and API bind (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    BrokerChoice broker;

    static final class BrokerChoice {
        @Option(names = "--broker", description = "An external MQTT 5 broker: mqtt://HOST:PORT or mqtts://HOST:PORT.")
        String url;

        @Option(names = "--embedded-broker", description = "Run HiveMQ CE inside the hub on this port.")
        Integer embeddedPort;
    }

    @Option(names = "--broker-bind", description = "Address the embedded broker binds (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String brokerBind;

    @Option(names = "--data-dir", description = "Embedded broker's persistence folder (default: ${DEFAULT-VALUE}).", defaultValue = "hub-data")
    Path dataDir;

    @Option(names = "--username", description = "Broker user name.")
    String username;

    @Option(names = "--password", description = "Broker password (or env POSEGATE_HUB_PASSWORD).")
    String password;

    @Option(names = "--config", description = "A PoseGate config file whose 'auth:' tokens (and 'insecure', 'http.allowedHosts', "
            + "'http.allowedOrigins') the hub uses, as the gateway does. Without it the hub generates an admin token at start.")
    Path config;

    @Override
    public Integer call() throws Exception {
        if (broker == null) {
            spec.commandLine().getErr().println("error: name the broker: --broker mqtt://HOST:PORT or --embedded-broker PORT");
            return 2;
        }
        String url = broker.url;
        if (url != null && FleetConfigs.brokerProblem(url) != null) {
            spec.commandLine().getErr().println("error: --broker " + FleetConfigs.brokerProblem(url));
            return 2;
        }
        EmbeddedBroker embedded = null;
        if (broker.embeddedPort != null) {
            embedded = EmbeddedBroker.start(brokerBind, broker.embeddedPort, dataDir.toAbsolutePath());
            url = "mqtt://" + (brokerBind.equals("0.0.0.0") ? "127.0.0.1" : brokerBind) + ":" + broker.embeddedPort;
        }
        String pw = password != null ? password : System.getenv("POSEGATE_HUB_PASSWORD");
        Vertx vertx = Vertx.vertx();
        SecurityConfig security = config == null ? SecurityConfig.defaults()
                : new GatewayConfigLoader(vertx, config).load(Map.of()).toCompletionStage().toCompletableFuture().join().security();
        TokenStore tokens = TokenStore.of(security);
        String generated = tokens.isEmpty() ? tokens.issue("hub", Role.ADMIN) : null;
        HubVerticle hub = new HubVerticle(new MqttConnections.Settings(url, "posegate-hub", username, pw, null, null), host, port,
                security, tokens);
        try {
            vertx.deployVerticle(hub).toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("error: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
            vertx.close();
            if (embedded != null) {
                embedded.close();
            }
            return 2;
        }
        System.out.println("hub listening on http://" + host + ":" + hub.actualPort() + "/ broker " + url);
        if (generated != null) {
            System.out.println(LoginAdvice.hub(LoginAdvice.hubPage(host, hub.actualPort()), tokens.loginCodes().issue(generated), generated,
                    RunTokenFile.defaultPath(hub.actualPort())));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedBroker b = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            try {
                if (b != null) {
                    b.close();
                }
            } catch (Exception e) {
                System.err.println(e.getMessage());
            }
            stopped.countDown();
        }, "posegate-hub-shutdown"));
        stopped.await();
        return 0;
    }
}
