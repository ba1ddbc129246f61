package io.posegate.gateway.ingest.feeds;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The gateway's {@link WebcamFeed}s by name: the stream {@code webcam:NAME} (or {@code webcam:}, named
 * {@value #DEFAULT_NAME}) reads the feed of that name, and the WebSocket handler pushes a browser's
 * frames into it with {@code hub.feed(name).submitJpeg(bytes)}. Feeds are created on first use, by
 * either side. Thread-safe; one hub per gateway.
 */
public final class WebcamHub {
    /** The feed used by {@code webcam:} without a name. */
    public static final String DEFAULT_NAME = "webcam";

    /** At most this many feeds exist, so browsers naming feeds cannot grow memory without bound. */
    public static final int MAX_FEEDS = 64;

    private final WebcamLimits limits;
    private final ConcurrentMap<String, WebcamFeed> feeds = new ConcurrentHashMap<>();

    public WebcamHub(WebcamLimits limits) {
        this.limits = requireNonNull(limits, "limits is null");
    }

    /**
     * The feed called {@code name} (blank means {@value #DEFAULT_NAME}), created if needed.
     *
     * @throws IllegalArgumentException when {@value #MAX_FEEDS} feeds exist already and this is a new name
     */
    public WebcamFeed feed(String name) {
        requireNonNull(name, "name is null");
        String key = name.isBlank() ? DEFAULT_NAME : name;
        WebcamFeed feed = feeds.get(key);
        if (feed != null) {
            return feed;
        }
        synchronized (feeds) {
            if (feeds.size() >= MAX_FEEDS && !feeds.containsKey(key)) {
                throw new IllegalArgumentException("too many webcam feeds (limit " + MAX_FEEDS + "); '" + key + "' refused");
            }
            return feeds.computeIfAbsent(key, n -> new WebcamFeed(n, limits));
        }
    }
}
