package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The gateway's listeners, and one place that calls each of them; a listener's exception is logged, not thrown. */
final class GatewayEvents implements GatewayListener {
    private static final Logger LOG = Logger.getLogger(GatewayEvents.class.getName());
    private final List<GatewayListener> listeners = new CopyOnWriteArrayList<>();

    void add(GatewayListener l) {
        listeners.add(l);
    }

    void remove(GatewayListener l) {
        listeners.remove(l);
    }

    @Override
    public void streamAdded(String id) {
        fire(l -> l.streamAdded(id));
    }

    @Override
    public void streamRemoved(String id) {
        fire(l -> l.streamRemoved(id));
    }

    @Override
    public void runtimeOpened(String backend, ModelRuntime runtime) {
        fire(l -> l.runtimeOpened(backend, runtime));
    }

    @Override
    public void openFailed(String backend, String error) {
        fire(l -> l.openFailed(backend, error));
    }

    @Override
    public void swapFinished(SwapRecord swap) {
        fire(l -> l.swapFinished(swap));
    }

    private void fire(Consumer<GatewayListener> event) {
        for (GatewayListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "gateway listener " + l.getClass().getName() + " failed: " + e.getMessage(), e);
            }
        }
    }
}
