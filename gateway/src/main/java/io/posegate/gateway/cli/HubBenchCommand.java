package io.posegate.gateway.cli;

import io.posegate.gateway.hub.EmbeddedBroker;
import io.posegate.gateway.hub.FleetBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code posegate hub bench}: the hub against N simulated boxes on a real broker. */
@Command(name = "bench", description = "Run a hub against N simulated boxes (status, meta, metrics publishers) on a real broker "
        + "and measure change->hub latency p50/p99, hub CPU and heap, and the broker's message rate.")
final class HubBenchCommand implements Callable<Integer> {
    @Option(names = "--boxes", description = "Simulated boxes (default: ${DEFAULT-VALUE}).", defaultValue = "100")
    int boxes;

    @Option(names = "--seconds", description = "Measured phase (default: ${DEFAULT-VALUE}).", defaultValue = "30")
    int seconds;

    @Option(names = "--metrics-interval", description = "Seconds between a box's metrics (default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int metricsInterval;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Broker broker;

    static final class Broker {
        @Option(names = "--broker", description = "An external broker, mqtt://HOST:PORT (e.g. a local mosquitto).")
        String url;

        @Option(names = "--embedded-broker", description = "Run HiveMQ CE embedded on this loopback port.")
        Integer embeddedPort;
    }

    @Override
    public Integer call() throws Exception {
        EmbeddedBroker embedded = null;
        String url = broker.url;
        Path tmp = null;
        if (broker.embeddedPort != null) {
            tmp = Files.createTempDirectory("posegate-bench-broker-");
            embedded = EmbeddedBroker.start("127.0.0.1", broker.embeddedPort, tmp);
            url = "mqtt://127.0.0.1:" + broker.embeddedPort;
        }
        try {
            FleetBench.Result r = new FleetBench(url, boxes, seconds, metricsInterval).run();
            System.out.println(r.render(embedded != null ? "embedded HiveMQ CE" : url));
            return 0;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
