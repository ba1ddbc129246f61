package io.posegate.gateway.http;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.webcam.WebcamSources;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.GatewayListener;
import io.posegate.gateway.pipeline.StreamPipeline;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Closes the feeding sockets of a webcam feed once no running stream reads it: whenever a stream leaves the gateway or
 * is replaced under its id (the orphan removal, {@code DELETE /api/streams/{id}}, a {@code PUT} with another source
 * or feed, a config or fleet change dropping or renaming it) and the stream that left read a {@code webcam:} feed
 * that no running stream reads now, the sockets linked to that feed are closed ({@link WebcamHub#disconnect}, code
 * 1001) with a reason naming how the stream left: {@link #deleted}, {@link #replaced} or {@link #removed}.
 *
 * <p>It hears the gateway's events, which come after the change of the gateway's streams and under its lock: the
 * stream is gone from the map before the sockets are closed. A socket attaching meanwhile is linked before it looks
 * for a stream ({@link WebcamSocket#linkWhileRead}), so it is closed by one or the other, never left open on a feed
 * whose stream is gone. Quick and non-blocking, as a {@link GatewayListener} must be.
 */
final class UnreadFeedSockets implements GatewayListener {
    private static final Logger LOG = Logger.getLogger(UnreadFeedSockets.class.getName());

    private final Gateway gateway;
    private final WebcamHub webcams;
    private final WebcamReaders readers;
    /** The pipeline last heard added under each id: the one that leaves when that id is removed or replaced. */
    private final Map<String, StreamPipeline> running = new ConcurrentHashMap<>();
    private final Set<StreamPipeline> deleting = ConcurrentHashMap.newKeySet();
    private volatile Consumer<String> beforeDisconnect = feed -> { };

    UnreadFeedSockets(Gateway gateway, WebcamHub webcams, WebcamReaders readers) {
        this.gateway = Objects.requireNonNull(gateway, "gateway is null");
        this.webcams = Objects.requireNonNull(webcams, "webcams is null");
        this.readers = Objects.requireNonNull(readers, "readers is null");
    }

    /** The close reason when the stream reading {@code webcam:feed} was deleted: the page stops. */
    static String deleted(String feed) {
        return "the stream reading webcam:" + feed + " was deleted";
    }

    /** The close reason when that stream was replaced by one reading another source or feed. */
    static String replaced(String feed) {
        return "the stream reading webcam:" + feed + " was replaced";
    }

    /** The close reason when that stream was removed otherwise (as orphaned, by a config change). */
    static String removed(String feed) {
        return "the stream reading webcam:" + feed + " was removed";
    }

    /**
     * Runs {@code removal}, which removes pipeline {@code p} if it still runs: if it does, the sockets of its feed are
     * told it was {@link #deleted}. Call it from where {@code DELETE} runs.
     */
    boolean removeAsDeleted(StreamPipeline p, BooleanSupplier removal) {
        deleting.add(p);
        try {
            return removal.getAsBoolean();
        } finally {
            deleting.remove(p);
        }
    }

    /**
     * Tests: {@code hook} gets the feed name when a stream left and no other reads its feed, after the gateway's
     * streams changed and before the feed's sockets are closed (on the changing thread, under the gateway's lock).
     */
    void beforeDisconnect(Consumer<String> hook) {
        this.beforeDisconnect = Objects.requireNonNull(hook, "hook is null");
    }

    @Override
    public void streamAdded(String id) {
        StreamPipeline now = gateway.stream(id);
        StreamPipeline before = now == null ? running.remove(id) : running.put(id, now);
        if (before != null && before != now) {
            left(id, before, UnreadFeedSockets::replaced);
        }
    }

    @Override
    public void streamRemoved(String id) {
        StreamPipeline before = running.remove(id);
        if (before != null) {
            left(id, before, deleting.contains(before) ? UnreadFeedSockets::deleted : UnreadFeedSockets::removed);
        }
    }

    private void left(String id, StreamPipeline gone, UnaryOperator<String> reason) {
        String feed = WebcamSources.feedOf(gone.spec());
        if (feed == null || readers.read(feed)) {
            return;
        }
        String key = WebcamHub.feedKey(feed);
        beforeDisconnect.accept(key);
        int closed = webcams.disconnect(key, reason.apply(key));
        if (closed > 0) {
            LOG.info("stream " + id + " left and no stream reads webcam:" + key + ": closed " + closed
                    + " socket(s) linked to it (" + reason.apply(key) + ")");
        }
    }
}
