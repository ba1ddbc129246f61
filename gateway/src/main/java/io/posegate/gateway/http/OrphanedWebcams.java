package io.posegate.gateway.http;

import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.webcam.WebcamSources;
import io.posegate.gateway.pipeline.Gateway;
import io.posegate.gateway.pipeline.StreamPipeline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Removes a webcam stream added through {@code PUT /api/streams/{id}} (the dashboard's webcam mode adds its page's
 * {@code webcam-<hex>}) once no browser has fed it for {@code sources.webcamOrphanMs}: the page was closed without
 * deleting it, or never sent a frame.
 *
 * <p>The watch is kept by stream id, from the {@code PUT} on, and every check looks at the stream that runs under that
 * id now: it is watched only while its source is {@code webcam:}, it was started through the API, and the config
 * reloader does not manage it (a stream of the config file or a fleet desired config, even one a {@code PUT} replaced,
 * is never removed here). A stream restarted under the same id (the fleet's {@code restart-stream}, another
 * {@code PUT}) stays watched and counts as added at its restart.
 *
 * <p>A timer on the event loop only reads counters and decides; the removal runs on the control pool, which may be
 * busy for long (a backend swap), so there it checks again that no browser feeds the stream and none fed it since
 * the decision, and removes only that same pipeline. The removal closes the sockets linked to the feed unless another
 * running stream still reads it ({@link UnreadFeedSockets}, reason {@code the stream reading webcam:NAME was
 * removed}): a page that opened its socket in between reconnects, finds the stream gone and adds it again. A socket
 * that attaches later (its page found the stream just before the removal) finds no stream reading its feed and is
 * closed at once ({@link WebcamSocket#linkWhileRead}); as the stream is removed before the sockets are closed, and a
 * socket is linked before it looks for the stream, every feeding socket is closed by one or the other. A removal that
 * throws is logged and the stream stays watched.
 */
final class OrphanedWebcams {
    private static final Logger LOG = Logger.getLogger(OrphanedWebcams.class.getName());

    private final Gateway gateway;
    private final WebcamHub webcams;
    private final WorkerExecutor control;
    private final long orphanNanos;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private volatile Predicate<String> managed;
    private volatile LongSupplier clock = System::nanoTime;
    private volatile boolean driven;

    /** A stream id added through the API, the pipeline last seen under it, and when a browser last fed it. */
    static final class Watched {
        volatile StreamPipeline stream;
        volatile long fedAt;
        volatile long joins;
        volatile boolean removing;

        Watched(StreamPipeline stream, long now, long joins) {
            this.stream = stream;
            this.fedAt = now;
            this.joins = joins;
        }
    }

    /**
     * @param managed the streams the config reloader manages (from the file or a fleet desired config); asked on the
     *                event loop, so it must not block
     */
    OrphanedWebcams(Gateway gateway, WebcamHub webcams, WorkerExecutor control, Duration orphan, Predicate<String> managed) {
        this.gateway = gateway;
        this.webcams = webcams;
        this.control = control;
        this.orphanNanos = orphan.toNanos();
        this.managed = Objects.requireNonNull(managed, "managed is null");
    }

    /** Replaces the test of which streams the config reloader manages (set once the reloader exists). */
    void managed(Predicate<String> managed) {
        this.managed = Objects.requireNonNull(managed, "managed is null");
    }

    /**
     * Tests: {@code clock} replaces {@link System#nanoTime} and the timer no longer checks; only the test's own calls
     * of {@link #check} (with the synthetic time) decide.
     */
    void driveBy(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.driven = true;
    }

    /** Checks every {@code orphan / 4} (at most every second); returns the timer id, or -1 when removal is off. */
    long start(Vertx vertx) {
        if (orphanNanos <= 0) {
            return -1;
        }
        long period = Math.max(25, Math.min(1000, orphanNanos / 4_000_000));
        return vertx.setPeriodic(period, t -> {
            if (driven) {
                return;
            }
            try {
                check(clock.getAsLong());
            } catch (RuntimeException e) {
                LOG.warning("webcam orphan check failed: " + e);
            }
        });
    }

    /** Watches stream {@code p.id()}, just added or replaced through the API; {@link #check} decides if it qualifies. */
    void added(StreamPipeline p) {
        if (orphanNanos > 0) {
            String feed = WebcamSources.feedOf(p.spec());
            watched.put(p.id(), new Watched(p, clock.getAsLong(), feed == null ? -1 : webcams.joins(feed)));
        }
    }

    /** How many streams are watched (tests). */
    int size() {
        return watched.size();
    }

    /** The feed stream {@code p} reads, if it is one this class may remove; else null. */
    private String orphanable(String id, StreamPipeline p) {
        if (p == null || p.spec().origin() != SourceSpec.Origin.API || managed.test(id)) {
            return null;
        }
        return WebcamSources.feedOf(p.spec());
    }

    /**
     * A decision of {@link #decide} to remove stream {@code id}, pipeline {@code stream}, reading {@code feed}, unfed
     * since {@code fedAt}; {@code joins} is the feed's {@link WebcamHub#joins} when decided.
     */
    record Decision(String id, StreamPipeline stream, String feed, long fedAt, long joins, long unfedMillis, Watched watch) {
    }

    /**
     * One check at time {@code now} (the clock's): {@link #decide}, then {@link #remove} what was decided. Reads only
     * counters and hands the removals to the control pool, so it may run on an event loop.
     *
     * @return the ids actually removed, once the removals ended
     */
    Future<List<String>> check(long now) {
        return remove(decide(now));
    }

    /** Drops what no longer qualifies, notes feeding, and returns the streams unfed for the orphan time at {@code now}. */
    List<Decision> decide(long now) {
        List<Decision> decided = new ArrayList<>();
        for (Map.Entry<String, Watched> e : watched.entrySet()) {
            String id = e.getKey();
            Watched w = e.getValue();
            if (w.removing) {
                continue;
            }
            StreamPipeline p = gateway.stream(id);
            String feed = orphanable(id, p);
            if (feed == null) {
                watched.remove(id, w);
                continue;
            }
            if (p != w.stream) {
                w.stream = p; // restarted or replaced under the same id: counts as added now
                w.fedAt = now;
            }
            long joins = webcams.joins(feed);
            if (webcams.feeders(feed) > 0 || joins > 0 && joins != w.joins) {
                w.fedAt = now;
            }
            w.joins = joins;
            if (now - w.fedAt >= orphanNanos) {
                w.removing = true;
                decided.add(new Decision(id, p, feed, w.fedAt, joins, Duration.ofNanos(now - w.fedAt).toMillis(), w));
            }
        }
        return decided;
    }

    /** Runs each removal {@link #decide} decided on the control pool; the ids actually removed, once all ended. */
    Future<List<String>> remove(List<Decision> decided) {
        List<Future<String>> removals = new ArrayList<>();
        for (Decision d : decided) {
            removals.add(control.executeBlocking(() -> removeIfStillOrphaned(d), false)
                    .recover(x -> {
                        LOG.warning("stream " + d.id() + ": removing it as orphaned failed; it stays watched: " + x);
                        return Future.succeededFuture(null);
                    })
                    .andThen(r -> d.watch().removing = false));
        }
        return Future.all(removals).map(all -> {
            List<String> removed = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                String id = all.resultAt(i);
                if (id != null) {
                    removed.add(id);
                }
            }
            return removed;
        });
    }

    /**
     * On the control pool, perhaps long after the decision: removes the stream only if the same pipeline still runs
     * under its id and still qualifies, no browser feeds it, none started feeding and no check saw it fed since the
     * decision (the removal closes the sockets linked to its feed, unless another running stream reads that feed).
     * Returns the id if it removed it, else null.
     */
    private String removeIfStillOrphaned(Decision d) {
        StreamPipeline p = gateway.stream(d.id());
        if (p != d.stream() || orphanable(d.id(), p) == null) {
            return null;
        }
        long joins = webcams.joins(d.feed()); // -1 or 0 while the feed is (re)created with nobody feeding
        if (webcams.feeders(d.feed()) > 0 || joins > 0 && joins != d.joins() || d.watch().fedAt != d.fedAt()) {
            LOG.fine("stream " + d.id() + ": a browser fed webcam:" + d.feed() + " since it was found unfed; kept");
            return null;
        }
        if (!gateway.removeStream(d.id(), p)) {
            return null;
        }
        watched.remove(d.id(), d.watch()); // the removal closed the feed's sockets unless another stream reads it
        LOG.info("stream " + d.id() + " removed: no browser fed webcam:" + d.feed() + " for " + d.unfedMillis()
                + " ms (sources.webcamOrphanMs)");
        return d.id();
    }
}
