package io.posegate.gateway.demo;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.VideoFrame;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code demo:} source: renders {@link DemoScene} frames at a steady rate (or, with {@code jitter},
 * at the scene's varying frame times). URI form
 * {@code demo:?people=4&width=640&height=360&fps=15&bar=false&enter=false&jitter=0} (every parameter
 * optional; the spec's width, height and maxFps apply when the URI does not say; see {@link DemoUri}).
 *
 * <p><b>Frame index.</b> Frame n shown is scene frame n, where n counts the frames this source object
 * has produced since it was constructed, from 0. The counter is not reset by {@link #close()} and
 * {@link #open()}, and {@link #read} stamps n as the frame's sequence, which is exactly the number the
 * {@link io.posegate.gateway.ingest.SourceSupervisor} gives it (it numbers every produced frame from 0,
 * and owns this source alone). So {@code DemoScene.people(frame.sequence())} is the ground truth of any
 * frame, even after a reconnect.
 *
 * <p><b>Threading.</b> {@link #read} runs on the stream's source thread and sleeps there to pace the
 * frames; {@link #close()} may be called from any thread and ends a read in progress.
 */
public final class DemoSource implements FrameSource {
    private final DemoUri uri;
    private final DemoScene scene;
    private final long periodNanos;
    private long produced;
    private long startNanos;
    private long startIndex;
    private volatile boolean open;
    private volatile Thread reader;

    /** @throws IllegalArgumentException naming the parameter when the URI is malformed */
    public DemoSource(SourceSpec spec) {
        requireNonNull(spec, "spec is null");
        this.uri = DemoUri.parse(spec);
        this.scene = new DemoScene(uri.width(), uri.height(), uri.people(), uri.options());
        this.periodNanos = Math.round(1e9 / uri.fps());
    }

    /** The scene this source renders; its ground truth for frame n is {@code scene().people(n)}. */
    public DemoScene scene() {
        return scene;
    }

    /** The frame rate this source paces to. */
    public double fps() {
        return uri.fps();
    }

    @Override
    public String describe() {
        SceneOptions o = uri.options();
        return "demo scene (" + uri.people() + " simulated people, " + uri.width() + "x" + uri.height() + " @ "
                + uri.fps() + " fps" + (o.bar() ? ", occluding bar" : "") + (o.enterLeave() ? ", people entering and leaving" : "")
                + (o.jitter() > 0 ? ", frame-time jitter " + o.jitter() : "") + "; not a camera)";
    }

    @Override
    public synchronized void open() {
        open = true;
        startNanos = System.nanoTime();
        startIndex = produced;
    }

    @Override
    public boolean read(VideoFrame into) throws IOException {
        requireNonNull(into, "into is null");
        if (!open) {
            return false;
        }
        reader = Thread.currentThread();
        long index = produced;
        long due = startNanos + Math.round((scene.time(index) - scene.time(startIndex)) * periodNanos);
        for (long wait = due - System.nanoTime(); wait > 0 && open; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(this, wait);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (!open) {
            return false;
        }
        if (System.nanoTime() - due > 1_000_000_000L) {
            startNanos = System.nanoTime();
            startIndex = index;
        }
        long capture = System.currentTimeMillis();
        long t0 = System.nanoTime();
        scene.render(index, into.reshape(scene.width(), scene.height()));
        into.stamp(index, capture, (System.nanoTime() - t0) / 1e6);
        produced = index + 1;
        return true;
    }

    @Override
    public void close() {
        open = false;
        Thread t = reader;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
