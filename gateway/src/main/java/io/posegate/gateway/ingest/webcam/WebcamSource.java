package io.posegate.gateway.ingest.webcam;

import io.posegate.gateway.ingest.feeds.WebcamFeed;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.BgrConverter;
import io.posegate.gateway.ingest.FrameRateCap;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.Pacing;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.ingest.jpeg.JpegDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * {@code webcam:[NAME]}: frames a browser pushes over the WebSocket into the {@link WebcamFeed} NAME, held from
 * {@link #open} to {@link #close}. {@link #read} blocks until a JPEG arrives (a browser that has not started
 * yet is not an error), decodes it on this stream's thread and applies the stream's frame-rate cap and target
 * size. When the last socket that sent frames closes (the tab was closed or reloaded), {@link #read} fails
 * once, so the stream shows {@code reconnecting} with the reason instead of staying {@code live} with no
 * frames; reopened, it waits for a browser again. A JPEG that fails to decode is skipped and counted in
 * {@link #corruptFrames()}.
 */
public final class WebcamSource implements FrameSource {
    private final WebcamHub hub;
    private final String name;
    private final BgrConverter converter;
    private final FrameRateCap cap;
    private WebcamFeed feed;
    private long departuresAtOpen;
    private volatile boolean closed;
    private volatile long corrupt;

    public WebcamSource(WebcamHub hub, String name, TargetSize target, double maxFps) {
        this.hub = requireNonNull(hub, "hub is null");
        this.name = requireNonNull(name, "name is null").isBlank() ? WebcamHub.DEFAULT_NAME : name;
        this.converter = new BgrConverter(requireNonNull(target, "target is null"));
        this.cap = new FrameRateCap(maxFps);
    }

    @Override
    public String describe() {
        return "webcam:" + name;
    }

    @Override
    public void open() {
        WebcamFeed f;
        synchronized (this) {
            if (feed == null) {
                feed = hub.acquire(name);
            }
            f = feed;
            departuresAtOpen = f.departures();
        }
        closed = false;
        f.clear();
        cap.reset();
    }

    @Override
    public boolean read(VideoFrame into) throws IOException {
        WebcamFeed f;
        long departed;
        synchronized (this) {
            f = feed;
            departed = departuresAtOpen;
        }
        while (!closed && f != null) {
            byte[] jpeg;
            try {
                jpeg = f.poll(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("webcam read interrupted");
            }
            if (jpeg == null) {
                if (f.departures() != departed && f.feeders() == 0) {
                    throw new IOException("the browser sending webcam:" + name + " went away (its socket closed); waiting for one to send frames");
                }
                continue;
            }
            if (!cap.admit()) {
                continue;
            }
            long cpu0 = Pacing.threadCpuNanos();
            BufferedImage image = JpegDecoder.decode(jpeg, jpeg.length);
            if (image == null) {
                corrupt++;
                continue;
            }
            converter.convert(image, into);
            double decodeMs = (Pacing.threadCpuNanos() - cpu0) / 1e6;
            into.stamp(into.sequence(), System.currentTimeMillis() - Math.round(decodeMs), decodeMs);
            return true;
        }
        return false;
    }

    @Override
    public long corruptFrames() {
        return corrupt;
    }

    @Override
    public void close() {
        closed = true;
        WebcamFeed f;
        synchronized (this) {
            f = feed;
            feed = null;
        }
        if (f != null) {
            hub.release(f);
        }
    }
}
