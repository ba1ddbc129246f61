package io.posegate.gateway.backend;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.model.ModelDescriptor;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The gateway's one-off measurement of which backend runs its model fastest here ({@link BackendSpeeds}),
 * started on demand (the dashboard asks for it) on its own daemon thread and kept. Thread-safe; readers
 * never block.
 */
public final class SpeedCheck {
    private static final Logger LOG = Logger.getLogger(SpeedCheck.class.getName());

    /** Where the measurement is. */
    public enum State { NOT_STARTED, MEASURING, DONE }

    private final ModelDescriptor descriptor;
    private final BackendRegistry registry;
    private final Map<String, Map<String, String>> options;
    private volatile State state = State.NOT_STARTED;
    private volatile List<BackendSpeeds.Speed> speeds = List.of();

    public SpeedCheck(ModelDescriptor descriptor, BackendRegistry registry, Map<String, Map<String, String>> options) {
        this.descriptor = requireNonNull(descriptor, "descriptor is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.options = Map.copyOf(options);
    }

    /** Starts the measurement unless it ran or runs already. Returns at once. */
    public synchronized void start() {
        if (state != State.NOT_STARTED) {
            return;
        }
        state = State.MEASURING;
        Thread t = new Thread(() -> {
            try {
                speeds = List.copyOf(BackendSpeeds.measure(descriptor, registry, options, 3, 10));
                LOG.info("backend speeds for " + descriptor.name() + ": " + speeds);
            } catch (RuntimeException e) {
                LOG.warning("backend speed check failed: " + e);
            } finally {
                state = State.DONE;
            }
        }, "posegate-backend-speed");
        t.setDaemon(true);
        t.start();
    }

    public State state() {
        return state;
    }

    public List<BackendSpeeds.Speed> speeds() {
        return speeds;
    }
}
