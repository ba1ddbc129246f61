package io.posegate.gateway.bench;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Where the gap between the raw loop and the gateway goes, from one run's figures: CPU per frame of the raw
 * loop and of the gateway (the inference runtime's native threads apart from the JVM's threads), how busy
 * the network was, and the CPU bound: the frames/s the gateway would reach if every millisecond its Java
 * threads spend came straight out of the network's CPU and nothing else were lost,
 * {@code raw x R / (R + J)} with R the raw loop's CPU per frame and J the gateway's Java threads' CPU per frame.
 * A measured ratio near the bound means the gap is CPU the gateway spends; well below it, something stalls or
 * the network itself runs slower next to the gateway's threads.
 *
 * @param rawFps        raw loop frames/s (mean of before and after)
 * @param rawCores      raw loop cores used
 * @param rawCpuMs      raw loop CPU ms per frame, the JVM's JIT compiler, GC and VM threads left out
 * @param gatewayFps    frames inferred per second by the gateway
 * @param gatewayCores  gateway process cores used in the window
 * @param nativeCpuMs   CPU ms per inferred frame in threads the JVM does not know (the runtime's pools)
 * @param javaCpuMs     CPU ms per inferred frame in the JVM's threads (decode, workers with the inference call,
 *                      event loops, the bench client, the JVM's own JIT compiler, GC and VM threads)
 * @param busy          share of the window with a run in flight per allowed run: inference ms x frames/s / runs
 */
record GapAccount(double rawFps, double rawCores, double rawCpuMs, double gatewayFps, double gatewayCores, double nativeCpuMs,
                  double javaCpuMs, double busy) {

    static GapAccount of(RawLoop.Result before, RawLoop.Result after, GatewayRun.Result g) {
        double raw = (before.fps() + after.fps()) / 2;
        double rawCores = (before.cores() + after.cores()) / 2;
        double fps = Math.max(1e-9, g.inferredFps());
        Map<String, Double> c = g.cores();
        double process = c.getOrDefault("process", 0.0);
        double nat = c.getOrDefault(CpuMeter.NATIVE, 0.0);
        double busy = g.stageMs()[2] * fps / 1000 / Math.max(1, g.runsAllowed());
        return new GapAccount(raw, rawCores, (before.cpuMsPerFrame() + after.cpuMsPerFrame()) / 2, fps, process, 1000 * nat / fps,
                1000 * (process - nat) / fps, busy);
    }

    /** Frames/s if the gateway's Java-thread CPU came out of the network's and nothing else were lost. */
    double boundFps() {
        return rawFps * rawCpuMs / (rawCpuMs + javaCpuMs);
    }

    void print(PrintWriter out) {
        out.println("   where the gap goes (CPU ms per frame; see GapAccount):");
        out.printf("     raw loop          %6.2f ms per frame on %.2f cores (the network's CPU: JIT compiler, GC and VM threads left out)%n",
                rawCpuMs, rawCores);
        out.printf("     gateway           %6.2f ms per frame on %.2f cores: runtime's native threads %.2f, JVM threads %.2f%n",
                nativeCpuMs + javaCpuMs, gatewayCores, nativeCpuMs, javaCpuMs);
        out.printf("     network CPU       %6.2f ms per frame in the gateway = %.2fx the raw loop's (runtime threads only; above 1: the"
                + " network itself costs more next to the gateway's threads)%n", nativeCpuMs, nativeCpuMs / rawCpuMs);
        out.printf("     network busy      %5.1f %% of the window per allowed run (inference ms x frames/s / runs)%n", 100 * busy);
        out.printf("     CPU bound         %6.1f frames/s = ratio %.3f (raw x R / (R + J): the JVM threads' CPU taken from the network;"
                + " for onnx J holds the inference call's own compute, so the bound is low)%n", boundFps(), boundFps() / rawFps);
        out.flush();
    }
}
