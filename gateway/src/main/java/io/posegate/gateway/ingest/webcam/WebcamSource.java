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
 * frames; reopened, it waits for a browser again. Likewise when no browser has sent a frame within
 * {@link #NO_BROWSER_MILLIS} of opening (the page died before its first frame, its camera gives no picture, a
 * configured webcam stream nobody feeds yet): it fails once with "no browser is sending", so such a stream counts
 * as waiting for its source ({@code reconnecting}, which {@code /ready} accepts), not as {@code starting} for
 * good. Each of these is said once until a frame arrives (a stream added through the API that stays unfed is later
 * removed by the HTTP layer, {@code sources.webcamOrphanMs}). A JPEG that fails to decode is skipped and counted in
 * {@link #corruptFrames()}.
 */
public final class WebcamSource implements FrameSource {
    /** How long an opened webcam stream waits for a browser's first frame before it says none is sending. */
    public static final long NO_BROWSER_MILLIS = 5_000;

    private final WebcamHub hub;
    private final String name;
    private final BgrConverter converter;
    private final FrameRateCap cap;
    private WebcamFeed feed;
    private long departuresAtOpen;
    private long openedAt; // System.nanoTime() of the last open; open and read run on the stream's decode thread
    private boolean toldNoBrowser; // the stream already says no browser is sending: wait quietly until a frame
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
        openedAt = System.nanoTime();
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
                if (f.feeders() == 0 && f.departures() != departed) {
                    toldNoBrowser = true;
                    throw new IOException("the browser sending webcam:" + name + " went away (its socket closed); waiting for one to send frames");
                }
                if (f.feeders() == 0 && !toldNoBrowser && System.nanoTime() - openedAt > NO_BROWSER_MILLIS * 1_000_000) {
                    toldNoBrowser = true;
                    throw new IOException("no browser is sending webcam:" + name + " (none sent a frame within "
                            + NO_BROWSER_MILLIS / 1000 + " s); waiting for one to send frames");
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
            toldNoBrowser = false;
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
