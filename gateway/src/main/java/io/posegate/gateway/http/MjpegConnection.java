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
 * viewer; a frame already sent or a full socket skips the tick. Ends when the client goes away, the
 * stream is removed, or {@link #end} is called (its token was revoked); then it runs {@code done} once. Used on its request's event loop.
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
    private volatile boolean closed;

    MjpegConnection(Vertx vertx, Gateway gateway, WorkerExecutor jpeg, String stream, HttpServerResponse resp, long intervalMillis,
                    int width, Runnable done) {
        this.vertx = vertx;
        this.gateway = gateway;
        this.jpeg = jpeg;
        this.stream = stream;
        this.resp = resp;
        this.intervalMillis = intervalMillis;
        this.width = width;
        this.done = done;
    }

    /** Starts sending; {@code onClose} runs once the connection closes under it (not after {@link #end}). */
    void start(Runnable onClose) {
        resp.closeHandler(v -> {
            closed = true;
            done.run();
            onClose.run();
        });
        resp.exceptionHandler(e -> {
            closed = true;
            done.run();
        });
        resp.write(Buffer.buffer("--" + MjpegRoutes.BOUNDARY + "\r\n"));
        tick();
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
        if (closed) {
            jpeg.executeBlocking(() -> {
                encoder.close();
                return null;
            }, false);
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
            if (bytes != null && !closed) {
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

    private void schedule(long t0) {
        long spent = (System.nanoTime() - t0) / 1_000_000;
        vertx.setTimer(Math.max(1, intervalMillis - spent), id -> tick());
    }
}
