package io.posegate.gateway.fleet;

import io.posegate.gateway.hub.EmbeddedBroker;
import java.nio.file.Path;

/** The hub's embedded HiveMQ CE, run in the test JVM on a free loopback port with its own data folder. */
final class EmbeddedTestBroker implements FleetBroker {
    private final Path dir;
    private final int port;
    private EmbeddedBroker broker;

    EmbeddedTestBroker(Path dir) throws Exception {
        this.dir = dir;
        this.port = Mosquitto.freePort();
        this.broker = EmbeddedBroker.start("127.0.0.1", port, dir);
    }

    @Override
    public String url() {
        return "mqtt://127.0.0.1:" + port;
    }

    @Override
    public void restart() throws Exception {
        stop();
        broker = EmbeddedBroker.start("127.0.0.1", port, dir);
    }

    @Override
    public void stop() throws Exception {
        if (broker != null) {
            EmbeddedBroker running = broker;
            broker = null;
            running.close();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
