package io.posegate.gateway.hub;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real MQTT 5 broker inside the hub for a single site: HiveMQ Community Edition, embedded, with file
 * persistence (retained messages and sessions survive a restart) in {@code dataDir}, one TCP listener on
 * {@code bindAddress:port}, anonymous usage statistics off. HiveMQ CE has no built-in authentication:
 * bind it to loopback (the default) or a trusted network, or use an external broker with an ACL file.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final EmbeddedHiveMQ broker;

    private EmbeddedBroker(EmbeddedHiveMQ broker) {
        this.broker = broker;
    }

    public static EmbeddedBroker start(String bindAddress, int port, Path dataDir) throws Exception {
        Path conf = dataDir.resolve("conf");
        Path data = dataDir.resolve("data");
        Path extensions = dataDir.resolve("extensions");
        for (Path p : new Path[] {conf, data, extensions}) {
            Files.createDirectories(p);
        }
        Files.writeString(conf.resolve("config.xml"), config(bindAddress, port));
        EmbeddedHiveMQ b = EmbeddedHiveMQ.builder().withConfigurationFolder(conf).withDataFolder(data)
                .withExtensionsFolder(extensions).withoutLoggingBootstrap().build();
        b.start().get(120, TimeUnit.SECONDS);
        return new EmbeddedBroker(b);
    }

    static String config(String bindAddress, int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <persistence>
                        <mode>file</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, bindAddress);
    }

    @Override
    public void close() throws IOException {
        try {
            broker.stop().get(60, TimeUnit.SECONDS);
            broker.close();
        } catch (Exception e) {
            throw new IOException("embedded broker did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
