package io.posegate.gateway.http;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.webcam.WebcamSources;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Removes a webcam stream added through {@code PUT /api/streams/{id}} (the dashboard's webcam mode adds its page's
 * {@code webcam-<hex>}) once no browser has fed it for {@code sources.webcamOrphanMs}: the page was closed without
 * deleting it, or never sent a frame. Streams from the config file or a fleet desired config are never watched, and a
 * watched stream replaced since (by another {@code PUT}, the file or the fleet) is dropped from the watch. A timer on
 * the event loop only reads counters; the removal runs on the control pool.
 */
final class OrphanedWebcams {
    private static final Logger LOG = Logger.getLogger(OrphanedWebcams.class.getName());

    private final Gateway gateway;
    private final WebcamHub webcams;
    private final WorkerExecutor control;
    private final long orphanNanos;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();

    /** A stream as added through the API, its feed, and when a browser last fed it (or when it was added). */
    private static final class Watched {
        final StreamPipeline stream;
        final String feed;
        volatile long fedAt;
        volatile boolean removing;

        Watched(StreamPipeline stream, String feed, long now) {
            this.stream = stream;
            this.feed = feed;
            this.fedAt = now;
        }
    }

    OrphanedWebcams(Gateway gateway, WebcamHub webcams, WorkerExecutor control, Duration orphan) {
        this.gateway = gateway;
        this.webcams = webcams;
        this.control = control;
        this.orphanNanos = orphan.toNanos();
    }

    /** Checks every {@code orphan / 4} (at most every second); returns the timer id, or -1 when removal is off. */
    long start(Vertx vertx) {
        if (orphanNanos <= 0) {
            return -1;
        }
        long period = Math.max(25, Math.min(1000, orphanNanos / 4_000_000));
        return vertx.setPeriodic(period, t -> check(System.nanoTime()));
    }

    /** Watches {@code p}, just added through the API, if its source is {@code webcam:}. */
    void added(StreamPipeline p) {
        String feed = WebcamSources.feedOf(p.spec());
        if (feed != null && orphanNanos > 0) {
            watched.put(p.id(), new Watched(p, feed, System.nanoTime()));
        } else {
            watched.remove(p.id());
        }
    }

    /** How many streams are watched (tests). */
    int size() {
        return watched.size();
    }

    private void check(long now) {
        for (Map.Entry<String, Watched> e : watched.entrySet()) {
            String id = e.getKey();
            Watched w = e.getValue();
            if (gateway.stream(id) != w.stream) {
                watched.remove(id, w);
            } else if (webcams.feeders(w.feed) > 0) {
                w.fedAt = now;
            } else if (now - w.fedAt >= orphanNanos && !w.removing) {
                w.removing = true;
                long millis = Duration.ofNanos(now - w.fedAt).toMillis();
                control.executeBlocking(() -> gateway.removeStream(id, w.stream), false).onComplete(r -> {
                    watched.remove(id, w);
                    if (r.succeeded() && r.result()) {
                        LOG.info("stream " + id + " removed: no browser fed webcam:" + w.feed + " for " + millis
                                + " ms (sources.webcamOrphanMs)");
                    }
                });
            }
        }
    }
}
