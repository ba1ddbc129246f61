package io.posegate.gateway.fleet;

import java.time.Duration;

/** Fleet tests start whole JVMs and brokers; on a loaded 2-core machine that takes a while. Stops hung tests only. */
final class FleetWaits {
    static final Duration PATIENCE = Duration.ofSeconds(150);

    private FleetWaits() {
    }
}
