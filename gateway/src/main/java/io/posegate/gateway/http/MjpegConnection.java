package io.posegate.gateway.http;

import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;

/**
 * One viewer of an MJPEG stream. A timer on the event loop asks the worker pool for the next JPEG (copy +
 * encode happen there); the part is written back on the event loop. At most one encode is in flight per
 * viewer; a frame already sent or a full socket skips the tick. Ends when the client goes away (also when it went away
 * before {@link #start}, or unseen by the close handler: each tick checks {@link HttpServerResponse#closed()}), the
 * stream is removed, or {@link #end} is called (its token was revoked); then it runs {@code done} once, and
 * {@code encoderClosed} once its loop has stopped and closed its encoder. Used on its request's event loop.
 */
final class MjpegConnection {
    private final Vertx vertx;
    private final Gateway gateway;
    private final WorkerExecutor jpeg;
    private final String stream;
    private final HttpServerResponse resp;
    private final long intervalMillis;
    private final int width;
    private final VideoFrame frame = new VideoFrame();
    private final JpegEncoder encoder = new JpegEncoder(0.75f);
    private long lastSeq = -1;
    private long lastCapture = -1;
    private final Runnable done;
    private final Runnable encoderClosed;
    private Runnable onClose = () -> { };
    private volatile boolean closed;

    MjpegConnection(Vertx vertx, Gateway gateway, WorkerExecutor jpeg, String stream, HttpServerResponse resp, long intervalMillis,
                    int width, Runnable done, Runnable encoderClosed) {
        this.vertx = vertx;
        this.gateway = gateway;
        this.jpeg = jpeg;
        this.stream = stream;
        this.resp = resp;
        this.intervalMillis = intervalMillis;
        this.width = width;
        this.done = done;
        this.encoderClosed = encoderClosed;
    }

    /**
     * Starts sending; {@code onClose} runs once the connection closes under it (not after {@link #end}). A connection
     * that closed before this call (while the route checked the stream) ends here at once: Vert.x calls a close handler
     * only if it was set before the close.
     */
    void start(Runnable onClose) {
        this.onClose = onClose;
        resp.closeHandler(v -> closedUnder());
        resp.exceptionHandler(e -> closedUnder());
        if (resp.closed()) {
            closedUnder();
            stopEncoding();
            return;
        }
        resp.write(Buffer.buffer("--" + MjpegRoutes.BOUNDARY + "\r\n"));
        tick();
    }

    /** The client went away (seen by the close or exception handler, or by {@link HttpServerResponse#closed()}). */
    private void closedUnder() {
        if (!closed) {
            closed = true;
            done.run();
        }
        onClose.run();
    }

    /** Ends the response now (its last chunk is sent; no further frames); on the event loop. */
    void end() {
        if (!closed) {
            closed = true;
            done.run();
            resp.end();
        }
    }

    private void tick() {
        if (!closed && resp.closed()) {
            closedUnder();
        }
        if (closed) {
            stopEncoding();
            return;
        }
        long t0 = System.nanoTime();
        if (resp.writeQueueFull()) {
            schedule(t0);
            return;
        }
        jpeg.executeBlocking(this::nextJpeg, false).onComplete(r -> {
            if (r.failed()) {
                closed = true;
                done.run();
                resp.reset();
                return;
            }
            byte[] bytes = r.result();
            if (bytes != null && !closed && !resp.closed()) {
                String head = "Content-Type: image/jpeg\r\nContent-Length: " + bytes.length + "\r\n\r\n";
                Buffer part = Buffer.buffer(bytes.length + 128).appendString(head, StandardCharsets.US_ASCII.name())
                        .appendBytes(bytes).appendString("\r\n--" + MjpegRoutes.BOUNDARY + "\r\n");
                resp.write(part);
            }
            schedule(t0);
        });
    }

    /** On the worker: the next new frame as JPEG, null if there is none; fails when the stream is gone. */
    private byte[] nextJpeg() {
        StreamPipeline s = gateway.stream(stream);
        if (s == null) {
            throw new IllegalStateException("stream '" + stream + "' removed");
        }
        if (s.slot().peekCopy(frame, width, intervalMillis) == null
                || frame.sequence() == lastSeq && frame.captureEpochMillis() == lastCapture) {
            return null;
        }
        lastSeq = frame.sequence();
        lastCapture = frame.captureEpochMillis();
        return encoder.encode(frame);
    }

    /** The loop ends: closes the encoder on the worker pool, then reports it closed. */
    private void stopEncoding() {
        jpeg.executeBlocking(() -> {
            encoder.close();
            return null;
        }, false).onComplete(r -> encoderClosed.run());
    }

    private void schedule(long t0) {
        long spent = (System.nanoTime() - t0) / 1_000_000;
        vertx.setTimer(Math.max(1, intervalMillis - spent), id -> tick());
    }
}
