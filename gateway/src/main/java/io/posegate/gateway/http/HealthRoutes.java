package io.posegate.gateway.http;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.posegate.gateway.security.Redaction;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Health in the Vert.x health-check format (200 when every check is UP, 503 otherwise):
 * {@code /health} is liveness (the server answers and the gateway is not closed); {@code /ready} is UP when
 * a backend is loaded, every stream configured now (file and API) is live or reconnecting, and inference is not
 * stalled: no stream's frames have waited longer than {@code inference.stallTimeoutMs} with none of them
 * processed (a hung or dead inference loop turns it DOWN even while sources still deliver). With a {@code fleet:}
 * section it also shows whether the box is connected to its broker ({@link FleetReadiness}: reported, never DOWN,
 * since the box serves its own streams without the broker). Errors and reasons are
 * redacted ({@link Redaction}) as everywhere else: {@code /ready} is open to anyone. Checks read the gateway,
 * whose lock a backend open may hold for seconds, so they run on the worker pool, never the event loop.
 */
final class HealthRoutes {
    private static final Set<String> READY_PHASES = Set.of("live", "reconnecting");
    private final Vertx vertx;
    private final Gateway gateway;
    private final WorkerExecutor worker;
    private final FleetReadiness fleet;
    private final long startedAt = System.currentTimeMillis();

    HealthRoutes(Vertx vertx, Gateway gateway, WorkerExecutor worker, FleetReadiness fleet) {
        this.vertx = requireNonNull(vertx, "vertx is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.worker = requireNonNull(worker, "worker is null");
        this.fleet = requireNonNull(fleet, "fleet is null");
    }

    void mount(Router router) {
        HealthChecks live = HealthChecks.create(vertx);
        live.register("gateway", p -> p.complete(Status.OK(new JsonObject()
                .put("uptimeSeconds", (System.currentTimeMillis() - startedAt) / 1000))));
        HealthChecks ready = HealthChecks.create(vertx);
        ready.register("backend", 10_000, p -> onWorker(this::backend).onComplete(p));
        ready.register("streams", 10_000, p -> onWorker(this::streams).onComplete(p));
        ready.register("inference", 10_000, p -> onWorker(this::inference).onComplete(p));
        if (fleet.configured()) {
            ready.register("fleet", p -> p.complete(fleet.status()));
        }
        router.get("/health").handler(HealthCheckHandler.createWithHealthChecks(live));
        router.get("/ready").handler(HealthCheckHandler.createWithHealthChecks(ready));
    }

    private io.vertx.core.Future<Status> onWorker(Callable<Status> check) {
        return worker.executeBlocking(check, false);
    }

    private Status backend() {
        JsonArray loaded = new JsonArray();
        gateway.runtimes().values().stream().filter(rt -> !rt.retired()).forEach(rt -> loaded.add(rt.label()));
        gateway.modelRuntimes().forEach((key, rt) -> {
            if (!rt.retired()) {
                loaded.add(key + " " + rt.label());
            }
        });
        JsonObject data = new JsonObject().put("default", gateway.defaultBackend()).put("loaded", loaded);
        if (!gateway.runtimeErrors().isEmpty()) {
            JsonObject errors = new JsonObject();
            gateway.runtimeErrors().forEach((name, error) -> errors.put(name, Redaction.text(error)));
            data.put("errors", errors);
        }
        return loaded.isEmpty() ? Status.KO(data.put("reason", "no backend loaded")) : Status.OK(data);
    }

    private Status streams() {
        JsonObject data = new JsonObject();
        boolean ok = true;
        for (StreamPipeline s : gateway.streams()) {
            String phase = s.state().phaseName();
            JsonObject one = new JsonObject().put("phase", phase);
            if (s.state().reason() != null) {
                one.put("reason", Redaction.text(s.state().reason()));
            }
            data.put(s.id(), one);
            ok &= READY_PHASES.contains(phase);
        }
        return ok ? Status.OK(data) : Status.KO(data);
    }

    /**
     * DOWN while any stream has had frames waiting longer than the stall bound with none processed: a hung
     * inference, or frames that all fail (then the stream's failed count and redacted last error say so).
     */
    private Status inference() {
        long bound = gateway.config().bounds().stallTimeout().toMillis();
        long now = System.nanoTime();
        JsonObject stalled = new JsonObject();
        boolean failing = false;
        for (StreamPipeline s : gateway.streams()) {
            long waitedMs = s.waitingNanos(now) / 1_000_000;
            if (waitedMs > bound) {
                JsonObject one = new JsonObject().put("waitingMs", waitedMs).put("processed", s.processed())
                        .put("failed", s.errors());
                if (s.errors() > 0 && s.lastError() != null) {
                    one.put("lastError", Redaction.text(s.lastError()));
                    failing = true;
                }
                stalled.put(s.id(), one);
            }
        }
        JsonObject data = new JsonObject().put("stallTimeoutMs", bound)
                .put("workerRestarts", gateway.scheduler().workerRestarts())
                .put("runTimeouts", gateway.scheduler().runTimeouts());
        if (stalled.isEmpty()) {
            return Status.OK(data);
        }
        return Status.KO(data.put("reason", "frames are arriving but none was processed within " + bound + " ms"
                        + (failing ? " (frames are failing: see each stream's lastError)" : ""))
                .put("stalled", stalled));
    }
}
