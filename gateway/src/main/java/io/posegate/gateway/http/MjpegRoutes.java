package io.posegate.gateway.http;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.auth.AuthHandler;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.pipeline.FrameSlot;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Live video for the dashboard: {@code GET /api/streams/{id}/mjpeg[?fps=N&width=W]} streams the stream's
 * latest decoded frames as {@code multipart/x-mixed-replace} JPEGs, at most N (1..25, default 10) per
 * second, and {@code GET /api/streams/{id}/frame.jpg[?width=W]} returns one. FFmpeg sources make these
 * previews apart from the inference frames, W pixels wide (16..3840, default 640, never wider than the
 * stream), only while someone watches. Frames are copied out of the stream's slot and
 * encoded on the worker pool {@code posegate-jpeg}, never on the event loop; a frame is sent only when it
 * is new and the client's socket has room, so a slow viewer skips frames instead of queueing them. A preview
 * opened with a token is tracked by {@link TokenBoundConnections} and ended when a token reload drops that token;
 * {@link PreviewViewers} counts the open ones per stream.
 */
final class MjpegRoutes {
    static final String BOUNDARY = "posegateframe";
    private final Vertx vertx;
    private final Gateway gateway;
    private final WorkerExecutor jpeg;
    private final TokenBoundConnections tokenBound;
    private final PreviewViewers previews;

    MjpegRoutes(Vertx vertx, Gateway gateway, WorkerExecutor jpeg, TokenBoundConnections tokenBound, PreviewViewers previews) {
        this.vertx = requireNonNull(vertx, "vertx is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.jpeg = requireNonNull(jpeg, "jpeg is null");
        this.tokenBound = requireNonNull(tokenBound, "tokenBound is null");
        this.previews = requireNonNull(previews, "previews is null");
    }

    void mount(Router router) {
        router.get("/api/streams/:id/mjpeg").handler(this::mjpeg);
        router.get("/api/streams/:id/frame.jpg").handler(this::snapshot);
    }

    private void snapshot(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Integer width = width(ctx);
        if (width == null) {
            return;
        }
        jpeg.executeBlocking(() -> {
            StreamPipeline s = gateway.stream(id);
            if (s == null) {
                throw new IllegalArgumentException("no stream '" + id + "'");
            }
            VideoFrame f = s.slot().peekCopy(new VideoFrame(), width, 0);
            if (f == null) {
                return null;
            }
            try (JpegEncoder enc = new JpegEncoder(0.8f)) {
                return enc.encode(f);
            }
        }, false).onComplete(r -> {
            if (r.failed()) {
                ApiReplies.error(ctx, 404, r.cause().getMessage());
            } else if (r.result() == null) {
                ApiReplies.error(ctx, 503, "stream '" + id + "' has no frame yet");
            } else {
                ctx.response().putHeader("content-type", "image/jpeg").putHeader("cache-control", "no-store")
                        .end(Buffer.buffer(r.result()));
            }
        });
    }

    private void mjpeg(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        double fps;
        try {
            fps = Double.parseDouble(ctx.queryParams().get("fps") == null ? "10" : ctx.queryParams().get("fps"));
        } catch (NumberFormatException e) {
            ApiReplies.error(ctx, 400, "query parameter 'fps' must be a number, got '" + ctx.queryParams().get("fps") + "'");
            return;
        }
        if (!(fps >= 1 && fps <= 25)) {
            ApiReplies.error(ctx, 400, "query parameter 'fps' must be within 1..25, got " + fps);
            return;
        }
        Integer width = width(ctx);
        if (width == null) {
            return;
        }
        String token = AuthHandler.token(ctx);
        jpeg.executeBlocking(() -> gateway.stream(id) != null, false).onComplete(r -> {
            if (ctx.response().closed()) {
                return; // the client left during the check: nothing to count, nothing to encode
            }
            if (r.failed() || !r.result()) {
                ApiReplies.error(ctx, 404, "no stream '" + id + "'");
                return;
            }
            HttpServerResponse resp = ctx.response().setChunked(true)
                    .putHeader("content-type", "multipart/x-mixed-replace; boundary=" + BOUNDARY)
                    .putHeader("cache-control", "no-store").putHeader("connection", "close");
            MjpegConnection viewer = new MjpegConnection(vertx, gateway, jpeg, id, resp, Math.round(1000 / fps), width,
                    previews.opened(id), previews.encoding());
            if (token == null) {
                viewer.start(() -> { });
            } else {
                viewer.start(tokenBound.track(token, viewer::end)::untrack);
            }
        });
    }

    /** The {@code width} query parameter (16..3840, default 640), or null after answering 400. */
    private static Integer width(RoutingContext ctx) {
        String text = ctx.queryParams().get("width");
        if (text == null) {
            return FrameSlot.DEFAULT_PREVIEW_WIDTH;
        }
        try {
            int w = Integer.parseInt(text);
            if (w >= 16 && w <= 3840) {
                return w;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        ApiReplies.error(ctx, 400, "query parameter 'width' must be a whole number within 16..3840, got '" + text + "'");
        return null;
    }
}
