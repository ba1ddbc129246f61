package io.posegate.gateway.ingest.feeds;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The gateway's {@link WebcamFeed}s by name: the stream {@code webcam:NAME} (or {@code webcam:}, named
 * {@value #DEFAULT_NAME}) reads the feed of that name, and the WebSocket handler pushes a browser's
 * frames into it. Either side {@link #acquire}s the feed (created on first use) and {@link #release}s it when
 * done; a feed nobody holds is dropped, so browsers that each name their own feed (the dashboard does) do not
 * use up the {@value #MAX_FEEDS} feeds. Thread-safe; one hub per gateway.
 */
public final class WebcamHub {
    /** The feed used by {@code webcam:} without a name. */
    public static final String DEFAULT_NAME = "webcam";

    /** What a feed name may be: what {@code /ws?webcam=NAME} can name. */
    public static final String NAME_PATTERN = "[A-Za-z0-9_.-]{1,64}";

    /** At most this many feeds exist at once, so browsers naming feeds cannot grow memory without bound. */
    public static final int MAX_FEEDS = 64;

    private final WebcamLimits limits;
    private final Map<String, Held> feeds = new HashMap<>();
    /** The sockets linked to each feed name ({@link #link}); guarded by itself. */
    private final Map<String, Set<Consumer<String>>> links = new HashMap<>();

    public WebcamHub(WebcamLimits limits) {
        this.limits = requireNonNull(limits, "limits is null");
    }

    /** The feed a name stands for: {@code name}, or {@value #DEFAULT_NAME} when it is blank (as {@code webcam:} is). */
    public static String feedKey(String name) {
        return name.isBlank() ? DEFAULT_NAME : name;
    }

    /**
     * The feed called {@code name} (blank means {@value #DEFAULT_NAME}), created if needed; {@link #release} it when done.
     *
     * @throws IllegalArgumentException when {@value #MAX_FEEDS} feeds exist already and this is a new name
     */
    public synchronized WebcamFeed acquire(String name) {
        requireNonNull(name, "name is null");
        String key = feedKey(name);
        Held held = feeds.get(key);
        if (held == null) {
            if (feeds.size() >= MAX_FEEDS) {
                throw new IllegalArgumentException("too many webcam feeds (limit " + MAX_FEEDS + "); '" + key + "' refused");
            }
            held = new Held(new WebcamFeed(key, limits));
            feeds.put(key, held);
        }
        held.holders++;
        return held.feed;
    }

    /** Gives back a feed from {@link #acquire} (once per acquire); the last holder's release drops it. */
    public synchronized void release(WebcamFeed feed) {
        Held held = feeds.get(feed.name());
        if (held != null && held.feed == feed && --held.holders <= 0) {
            feeds.remove(feed.name());
        }
    }

    /** Open sockets feeding the feed called {@code name} now (blank means {@value #DEFAULT_NAME}); 0 when it does not exist. */
    public synchronized int feeders(String name) {
        Held held = feeds.get(feedKey(name));
        return held == null ? 0 : held.feed.feeders();
    }

    /**
     * How many times a socket started feeding the feed called {@code name} (blank means {@value #DEFAULT_NAME});
     * -1 when it does not exist. A change between two reads means a browser fed it in between.
     */
    public synchronized long joins(String name) {
        Held held = feeds.get(feedKey(name));
        return held == null ? -1 : held.feed.joins();
    }

    /**
     * Links a socket to the feed called {@code name} (blank means {@value #DEFAULT_NAME}): {@link #disconnect} gives
     * {@code close} its reason. Returns what unlinks it (run it when the socket closes).
     */
    public Runnable link(String name, Consumer<String> close) {
        String key = feedKey(name);
        requireNonNull(close, "close is null");
        synchronized (links) {
            links.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(close);
        }
        return () -> {
            synchronized (links) {
                Set<Consumer<String>> s = links.get(key);
                if (s != null && s.remove(close) && s.isEmpty()) {
                    links.remove(key);
                }
            }
        };
    }

    /** How many sockets are linked to the feed called {@code name} (blank means {@value #DEFAULT_NAME}). */
    public int links(String name) {
        String key = feedKey(name);
        synchronized (links) {
            Set<Consumer<String>> s = links.get(key);
            return s == null ? 0 : s.size();
        }
    }

    /**
     * Closes every socket linked to the feed called {@code name}, giving each {@code reason} (no running stream reads
     * the feed any more), so a page feeding it stops or reconnects; returns how many were closed.
     */
    public int disconnect(String name, String reason) {
        String key = feedKey(name);
        List<Consumer<String>> closing;
        synchronized (links) {
            Set<Consumer<String>> s = links.remove(key);
            closing = s == null ? List.of() : List.copyOf(s);
        }
        for (Consumer<String> close : closing) {
            try {
                close.accept(reason);
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(WebcamHub.class.getName()).warning(
                        "webcam:" + key + ": closing a socket failed: " + e);
            }
        }
        return closing.size();
    }

    /** How many feeds exist now. */
    public synchronized int size() {
        return feeds.size();
    }

    private static final class Held {
        final WebcamFeed feed;
        int holders;

        Held(WebcamFeed feed) {
            this.feed = feed;
        }
    }
}
