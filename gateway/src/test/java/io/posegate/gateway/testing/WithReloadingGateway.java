package io.posegate.gateway.testing;

import io.posegate.gateway.control.ConfigReloader;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.spi.BackendProvider;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of tests that run a {@link ReloadingGateway}: a test starts it (in its {@code @BeforeEach} or in the test
 * itself), then uses {@link #gateway} and {@link #reloader}; it is closed after each test.
 */
public abstract class WithReloadingGateway {
    /** The test's folder; {@link #startGateway} writes {@code gateway.yaml} here. */
    @TempDir
    protected Path dir;
    protected ReloadingGateway running;
    protected Gateway gateway;
    protected ConfigReloader reloader;

    /** Starts a gateway from {@code tree} with only {@code backends} (see {@link ReloadingGateway#start}). */
    protected final void startGateway(JsonObject tree, List<BackendProvider> backends) throws Exception {
        use(ReloadingGateway.start(dir, tree, backends));
    }

    /** Starts a gateway from {@code file} (see {@link ReloadingGateway#startFromFile}). */
    protected final void startGatewayFromFile(Path file) throws Exception {
        use(ReloadingGateway.startFromFile(file));
    }

    private void use(ReloadingGateway started) {
        running = started;
        gateway = started.gateway();
        reloader = started.reloader();
    }

    @AfterEach
    final void closeGateway() throws Exception {
        if (running != null) {
            running.close();
        }
    }
}
