package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import java.util.logging.Logger;

/**
 * Replaces runtimes the watchdog poisoned (a run that hung) with fresh sessions of the same backend and binds
 * their streams to them; if the backend cannot be reopened, its streams are marked failed with both reasons.
 */
final class RuntimeReopener {
    private static final Logger LOG = Logger.getLogger(RuntimeReopener.class.getName());

    private final GatewayState state;
    private final RuntimeOpener opener;

    RuntimeReopener(GatewayState state, RuntimeOpener opener) {
        this.state = state;
        this.opener = opener;
    }

    /** Called by the watchdog (which must not block) with a runtime it poisoned: reopens it on a thread of its own. */
    void reopenLater(ModelRuntime poisoned) {
        Thread t = new Thread(() -> reopen(poisoned), "posegate-reopen-" + poisoned.backendName());
        t.setDaemon(true);
        t.start();
    }

    /** Reopens {@code poisoned} now (blocks while the model loads). */
    void reopen(ModelRuntime poisoned) {
        String name;
        boolean own;
        synchronized (state.lock) {
            name = state.runtimes.nameOf(poisoned);
            own = name == null;
            if (own) {
                name = state.models.backendOf(poisoned);
            }
        }
        if (name == null) {
            return;
        }
        ModelRuntime next = null;
        String error = null;
        try {
            next = opener.open(poisoned.descriptor(), name);
        } catch (RuntimeException e) {
            error = poisoned.poisoned() + "; reopening failed: " + e.getMessage();
        }
        synchronized (state.lock) {
            boolean replaced = own ? state.models.replace(poisoned, next)
                    : state.runtimes.replace(name, poisoned, next, error);
            if (!replaced) {
                if (next != null) {
                    next.close();
                }
                return;
            }
            for (StreamPipeline s : state.streams.values()) {
                if (s.runtime() == poisoned) {
                    s.bind(next);
                    if (next == null) {
                        s.fail("backend '" + name + "': " + error);
                    }
                }
            }
        }
        LOG.warning(next != null ? "backend " + next.label() + " reopened after: " + poisoned.poisoned()
                : "backend '" + name + "' lost: " + error);
    }
}
