package io.posegate.gateway.bench;

import io.posegate.gateway.model.ModelDescriptor;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Map;

/** Prints {@code posegate bench pipeline} results: ratios to the raw loop of the same run first. */
public final class PipelineReport {
    private final PrintWriter out;

    public PipelineReport(PrintWriter out) {
        this.out = out;
    }

    public void machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf("machine: %d cores, load average %.2f at start, Java %s%n", Runtime.getRuntime().availableProcessors(), load,
                System.getProperty("java.version"));
        out.flush();
    }

    public void title(String title, String backend, Map<String, String> options, int workers, ModelDescriptor d) {
        out.printf("%n== %s%n   model %s (%s), input %dx%d, backend %s %s, inference.workers %s%n", title, d.name(),
                d.modelFile().getFileName(), d.input().width(), d.input().height(), backend, options,
                workers > 0 ? Integer.toString(workers) : "auto (runs allowed + 1)");
        out.flush();
    }

    public void pipeline(RawLoop.Result before, RawLoop.Result after, GatewayRun.Result g) {
        double raw = (before.fps() + after.fps()) / 2;
        out.printf("   raw backend loop   : %6.1f frames/s (%s; %.1f before, %.1f after the gateway; %.2f cores of which JIT/GC %.2f;"
                        + " network %.1f ms CPU per frame before, %.1f after; %d run(s) in flight)%n", raw, before.backend(), before.fps(),
                after.fps(), (before.cores() + after.cores()) / 2, (before.jvmInternalCores() + after.jvmInternalCores()) / 2,
                before.cpuMsPerFrame(), after.cpuMsPerFrame(), before.runsInFlight());
        out.printf("   gateway            : %6.1f frames/s inferred, %.1f received over WebSocket%n", g.inferredFps(), g.receivedFps());
        out.printf("   ratio to raw       : %6.3f (same run; load average %.2f on %d cores)%n", g.inferredFps() / raw,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        out.printf("   capture-to-send    : p50 %.0f ms, p99 %.0f ms (capture to WebSocket receive, loopback)%n", g.p50(), g.p99());
        double[] s = g.stageMs();
        out.printf("   ms per frame       : decode %.2f, pre-process %.2f, inference %.2f, grouping+tracking %.2f%n", s[0], s[1], s[2], s[3]);
        out.printf("   dropped by design  : %d frames (slot full or fps cap, all streams)%n", g.dropped());
        out.println("   CPU, cores (and CPU ms per inferred frame):");
        g.cores().forEach((k, v) -> out.printf("     %-62s %5.2f  (%5.2f ms)%n", k, v, 1000 * v / Math.max(1e-9, g.inferredFps())));
        GapAccount.of(before, after, g).print(out);
        out.printf("   load average now   : %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.flush();
    }

    public void fanoutTitle(int clients, int stalled, double fps) {
        out.printf("%n== fanout: %d WebSocket clients on loopback (%d never read), demo stream at %.0f fps (clients in a child process)%n",
                clients, stalled, fps);
        out.flush();
    }

    public void fanoutSecurity(String how) {
        out.printf("   security           : %s%n", how);
        out.flush();
    }

    public void fanout(FanoutRun.Result r, int stalled) {
        out.printf("   clients            : %d connected, %d failed%s; %d still connected at the end%n", r.connected(), r.failed(),
                r.firstError() == null ? "" : " (first error: " + r.firstError() + ")", r.clientsAtEnd());
        out.printf("   frames published   : %d in the window, %.1f per second, %.0f bytes each%n", r.published(), r.sentFps(), r.frameBytes());
        out.printf("   healthy clients    : worst got %.2f %%, mean %.2f %% of the frames   [goal >= 99 %%: %s]%n",
                100 * r.healthyShare(), 100 * r.meanShare(), r.healthyShare() >= 0.99 ? "met" : "NOT met");
        out.printf("   frame age          : p50 %.0f ms, p99 %.0f ms (capture to receive at healthy clients)   [goal p99 <= 100 ms: %s]%n",
                r.p50(), r.p99(), r.p99() <= 100 ? "met" : "NOT met");
        out.printf("   gateway CPU        : %.2f cores of %d (gateway process; the clients run in another process)%n",
                r.serverCores(), Runtime.getRuntime().availableProcessors());
        out.printf("   gateway heap       : peak %.0f MB during the window, %.0f MB after a full GC%n", r.heapPeakMb(), r.heapAfterGcMb());
        out.printf("   stalled clients    : %d frames dropped for them in the window; %.0f KiB queued in the hub at the end%n",
                r.hubDropped(), r.hubQueuedKb());
        out.printf("                        (bound: the hub queues at most %d stalled x 8 frames = %.0f KiB, plus 256 KiB socket write queue each)%n",
                stalled, stalled * 8 * r.frameBytes() / 1024);
        if (r.kernelQueues().totalBytes() >= 0) {
            out.printf("   kernel send queues : %.1f MiB unsent on the gateway's sockets, largest %.0f KiB (outside the heap; per socket at most tcp_wmem's max)%n",
                    r.kernelQueues().totalBytes() / 1048576.0, r.kernelQueues().maxBytes() / 1024.0);
        }
        out.printf("   load average now   : %.2f on %d cores%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.flush();
    }

    /**
     * Batched vs unbatched, same run: the gateway's inferred frames/s with and without batching, and the raw loop's
     * frames/s with batches of {@code batch} vs single frames.
     */
    public void batching(int batch, GatewayRun.Result single, GatewayRun.Result batched, RawLoop.Result rawSingle, RawLoop.Result rawBatch) {
        out.printf("%n== batching, same run: batches of up to %d vs one frame per run%n", batch);
        out.printf("   gateway, inferred  : %6.1f vs %6.1f frames/s = %.2fx%n", batched.inferredFps(), single.inferredFps(),
                batched.inferredFps() / single.inferredFps());
        if (rawBatch != null) {
            out.printf("   raw loop           : %6.1f frames/s in batches of %d vs %6.1f single = %.2fx%n", rawBatch.fps(), batch,
                    rawSingle.fps(), rawBatch.fps() / rawSingle.fps());
        }
        out.printf("   load average now   : %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.flush();
    }
}
