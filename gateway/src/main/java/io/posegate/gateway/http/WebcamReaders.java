package io.posegate.gateway.http;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.webcam.WebcamSources;
import io.posegate.gateway.pipeline.StreamPipeline;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Which running stream reads a webcam feed: a {@code webcam:NAME} stream reads the feed NAME, and {@code webcam:}
 * (like {@code webcam:webcam}) reads the default one, {@value WebcamHub#DEFAULT_NAME}. The removal of orphaned webcam
 * streams asks it before closing a feed's sockets, and a feeding socket asks it when it attaches. It only reads the
 * gateway's list of streams, so it may run on an event loop.
 */
final class WebcamReaders {
    private final Supplier<? extends Collection<StreamPipeline>> streams;

    /** @param streams the running streams now (the gateway's {@code streams()}) */
    WebcamReaders(Supplier<? extends Collection<StreamPipeline>> streams) {
        this.streams = Objects.requireNonNull(streams, "streams is null");
    }

    /** The id of a running stream that reads the feed called {@code feed} (blank means the default), or null. */
    String readerOf(String feed) {
        String key = WebcamHub.feedKey(feed);
        for (StreamPipeline s : streams.get()) {
            String read = WebcamSources.feedOf(s.spec());
            if (read != null && key.equals(WebcamHub.feedKey(read))) {
                return s.id();
            }
        }
        return null;
    }

    /** True when a running stream reads the feed called {@code feed}. */
    boolean read(String feed) {
        return readerOf(feed) != null;
    }
}
