package io.posegate.gateway.ingest.webcam;

import io.posegate.gateway.ingest.feeds.WebcamFeed;
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
 * {@code webcam:[NAME]}: frames a browser pushes over the WebSocket into a {@link WebcamFeed}. {@link #read}
 * blocks until a JPEG arrives (a quiet browser is not an error), decodes it on this stream's thread and
 * applies the stream's frame-rate cap and target size. A JPEG that fails to decode is skipped and counted
 * in {@link #corruptFrames()}.
 */
public final class WebcamSource implements FrameSource {
    private final WebcamFeed feed;
    private final BgrConverter converter;
    private final FrameRateCap cap;
    private volatile boolean closed;
    private volatile long corrupt;

    public WebcamSource(WebcamFeed feed, TargetSize target, double maxFps) {
        this.feed = requireNonNull(feed, "feed is null");
        this.converter = new BgrConverter(requireNonNull(target, "target is null"));
        this.cap = new FrameRateCap(maxFps);
    }

    @Override
    public String describe() {
        return "webcam:" + feed.name();
    }

    @Override
    public void open() {
        closed = false;
        feed.clear();
        cap.reset();
    }

    @Override
    public boolean read(VideoFrame into) throws IOException {
        while (!closed) {
            byte[] jpeg;
            try {
                jpeg = feed.poll(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("webcam read interrupted");
            }
            if (jpeg == null || !cap.admit()) {
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
    }
}
