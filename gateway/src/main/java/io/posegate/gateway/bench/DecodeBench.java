package io.posegate.gateway.bench;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.Pacing;
import io.posegate.gateway.ingest.VideoFrame;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Measures one pass over a video: every frame decoded on the calling thread, optionally followed by a
 * per-frame step (pre-processing). Reports wall time and the thread's CPU time, so frames per second
 * per core is frames / CPU seconds. Not thread-safe.
 */
public final class DecodeBench {
    private DecodeBench() {
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : System.nanoTime();
    }

    /**
     * @param sources   opens a fresh source for the pass (decoder on one thread)
     * @param perFrame  work after each decode, or null for decode alone
     */
    public static Result pass(Supplier<FrameSource> sources, Consumer<VideoFrame> perFrame) throws IOException {
        requireNonNull(sources, "sources is null");
        VideoFrame frame = new VideoFrame();
        try (FrameSource source = sources.get()) {
            source.open();
            long frames = 0;
            long stepNanos = 0;
            long wall0 = System.nanoTime();
            long cpu0 = Pacing.threadCpuNanos();
            long proc0 = processCpuNanos();
            while (source.read(frame)) {
                if (perFrame != null) {
                    long s0 = Pacing.threadCpuNanos();
                    perFrame.accept(frame);
                    stepNanos += Pacing.threadCpuNanos() - s0;
                }
                frames++;
            }
            return new Result(frames, (System.nanoTime() - wall0) / 1e9, (Pacing.threadCpuNanos() - cpu0) / 1e9,
                    (processCpuNanos() - proc0) / 1e9, stepNanos / 1e9, frame.width(), frame.height());
        }
    }

    /**
     * One pass's figures.
     *
     * @param frames      frames decoded
     * @param wallSeconds elapsed time
     * @param cpuSeconds  CPU time of the decoding thread
     * @param processCpuSeconds CPU time of the whole process (catches decoder threads, GC, JIT)
     * @param stepSeconds CPU time spent in the per-frame step (0 for decode alone)
     * @param width       decoded width
     * @param height      decoded height
     */
    public record Result(long frames, double wallSeconds, double cpuSeconds, double processCpuSeconds, double stepSeconds, int width, int height) {
        /** Frames per second of one core's time. */
        public double framesPerCoreSecond() {
            return frames / cpuSeconds;
        }

        /** Frames per second of the whole process's CPU time; close to the per-core figure when decoding is single-threaded. */
        public double framesPerProcessCpuSecond() {
            return frames / processCpuSeconds;
        }

        public double millisPerFrame() {
            return cpuSeconds * 1000 / frames;
        }

        public double stepMillisPerFrame() {
            return stepSeconds * 1000 / frames;
        }
    }
}
