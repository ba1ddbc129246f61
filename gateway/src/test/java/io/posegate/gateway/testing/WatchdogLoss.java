package io.posegate.gateway.testing;

import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.pipeline.Gateway;
import io.vertx.core.json.JsonObject;

/**
 * Makes a gateway lose a {@link FlakyProvider} backend's runtime at run time, as a hung device does: one run on it
 * hangs past {@code inference.runTimeoutMs}, the watchdog gives it up and poisons the runtime, and reopening it fails.
 */
public final class WatchdogLoss {
    private WatchdogLoss() {
    }

    /**
     * {@link GatewayTrees#demo} at 5 fps on {@code backend}, with a run timeout of 1 s: a hung run is given up soon, and
     * a run that is merely slow on a busy host is not.
     */
    public static JsonObject tree(String backend) {
        return GatewayTrees.demo(GatewayTrees.MODELS, backend, 5)
                .put("inference", new JsonObject().put("runTimeoutMs", 1000));
    }

    /**
     * Hangs the next run on {@code flaky} and makes every open of it fail, then waits until the gateway lost its
     * runtime (the watchdog poisoned it and the reopen failed). The hung run returns on {@link FlakyProvider#releaseHung()}.
     */
    public static void lose(Gateway gateway, FlakyProvider flaky) throws InterruptedException {
        flaky.failures.set(1_000);
        flaky.hangs.set(1);
        Await.until(() -> gateway.runtimeLost(flaky.name()), Await.PATIENCE,
                () -> "the watchdog to poison " + flaky.name() + "'s runtime and its reopen to fail");
    }

    /**
     * Waits until stream {@code id} is FAILED: the reopener marks the lost runtime's streams failed just after it records
     * the loss ({@link Gateway#runtimeLost} may already say true in between).
     */
    public static void awaitFailed(Gateway gateway, String id) throws InterruptedException {
        Await.until(() -> gateway.stream(id).state().phase() == SourceState.Phase.FAILED, Await.PATIENCE,
                () -> "stream " + id + " to be marked failed; it is " + gateway.stream(id).state().phase());
    }
}
