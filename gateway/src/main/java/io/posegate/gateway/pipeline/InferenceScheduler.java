package io.posegate.gateway.pipeline;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shared inference workers: dedicated threads named {@code posegate-infer-N} (never an event
 * loop) that take, round-robin, each stream's latest frame. A stream is handled by one worker at a
 * time; a failing frame is counted against its stream and never stops the others.
 */
public final class InferenceScheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InferenceScheduler.class.getName());

    private final List<StreamPipeline> streams = new CopyOnWriteArrayList<>();
    private final Consumer<PoseFrame> publisher;
    private final Thread[] workers;
    private final Object signal = new Object();
    private int cursor;
    private long wakeups;
    private volatile boolean stopped;

    public InferenceScheduler(int workerCount, Consumer<PoseFrame> publisher) {
        this.publisher = publisher;
        this.workers = new Thread[workerCount];
        for (int i = 0; i < workerCount; i++) {
            workers[i] = new Thread(this::work, "posegate-infer-" + i);
            workers[i].setDaemon(true);
        }
    }

    public void start() {
        for (Thread t : workers) {
            t.start();
        }
    }

    public void add(StreamPipeline stream) {
        streams.add(stream);
        wake();
    }

    public void remove(StreamPipeline stream) {
        streams.remove(stream);
    }

    public List<StreamPipeline> streams() {
        return List.copyOf(streams);
    }

    /** Called by frame slots when a frame arrives. */
    public void wake() {
        synchronized (signal) {
            wakeups++;
            signal.notifyAll();
        }
    }

    private StreamPipeline next() {
        List<StreamPipeline> list = streams;
        synchronized (signal) {
            int n = list.size();
            for (int i = 0; i < n; i++) {
                StreamPipeline s = list.get((cursor + i) % n);
                if (s.slot().hasFrame() && s.runtime() != null && s.tryClaim()) {
                    cursor = (cursor + i + 1) % n;
                    return s;
                }
            }
            return null;
        }
    }

    private void work() {
        Map<ModelDescriptor, FrameProcessor> processors = new HashMap<>();
        while (!stopped) {
            StreamPipeline s;
            synchronized (signal) {
                long seen = wakeups;
                s = next();
                if (s == null) {
                    try {
                        if (seen == wakeups) {
                            signal.wait(200);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
            }
            try {
                process(s, processors);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                s.recordError(e.getMessage() == null ? e.toString() : e.getMessage());
                LOG.log(Level.WARNING, "stream " + s.id() + ": frame failed: " + e.getMessage(), e);
            } finally {
                s.unclaim();
                wake();
            }
        }
    }

    private void process(StreamPipeline s, Map<ModelDescriptor, FrameProcessor> processors) throws InterruptedException {
        ModelRuntime runtime = s.runtime();
        VideoFrame frame = s.slot().take();
        if (frame == null || runtime == null) {
            if (frame != null) {
                s.slot().recycle(frame);
            }
            return;
        }
        FrameProcessor fp = processors.computeIfAbsent(runtime.descriptor(), FrameProcessor::new);
        long seq = frame.sequence();
        long capture = frame.captureEpochMillis();
        int width = frame.width();
        int height = frame.height();
        double decodeMs = frame.decodeMillis();
        long t0 = System.nanoTime();
        InputTransform t;
        try {
            t = fp.preprocess(frame);
        } finally {
            s.slot().recycle(frame);
        }
        double preMs = (System.nanoTime() - t0) / 1e6;
        double[] ig = fp.inferAndGroup(runtime, t);
        long t1 = System.nanoTime();
        if (s.tracker() != null) {
            s.tracker().track(fp.poses(), capture);
        }
        double groupMs = ig[1] + (System.nanoTime() - t1) / 1e6;
        double total = Math.max(0, System.currentTimeMillis() - capture);
        Latency latency = new Latency(decodeMs, preMs, ig[0], groupMs, total);
        s.recordFrame(latency);
        publisher.accept(fp.toFrame(s.id(), seq, capture, width, height, runtime.label(), s.state(), latency, s.slot().dropped()));
    }

    @Override
    public void close() {
        stopped = true;
        for (Thread t : workers) {
            t.interrupt();
        }
    }
}
