package io.posegate.gateway.fleet;

import java.nio.file.Path;

/** Starts the broker a parameterized fleet test names: {@code mosquitto} or {@code embedded} (HiveMQ CE). */
final class FleetBrokers {
    private FleetBrokers() {
    }

    static FleetBroker start(String kind, Path dir) throws Exception {
        return switch (kind) {
            case "mosquitto" -> Mosquitto.start(dir, "");
            case "embedded" -> new EmbeddedTestBroker(dir);
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
