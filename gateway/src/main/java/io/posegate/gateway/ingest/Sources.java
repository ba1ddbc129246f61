package io.posegate.gateway.ingest;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The gateway's {@link SourceFactory} with every scheme registered: each {@link SourceProvider} found by
 * {@link ServiceLoader} registers its own (FFmpeg inputs, image directories, pipes, webcams, the demo
 * scene). Creating a source checks the spec (scheme, options, and the rules for API-origin specs) and
 * opens nothing, so the API can call {@link SourceFactory#create} to validate a
 * {@code PUT /api/streams/{id}} body and answer 400 with the exception's message.
 */
public final class Sources {
    /** Schemes that only the local config file (or the command line) may use. */
    public static final Set<String> CONFIG_ONLY = Set.of("pipe");

    private Sources() {
    }

    /**
     * @param policy  media directory, network timeout and webcam limits
     * @param webcams where {@code webcam:NAME} streams take their frames; the WebSocket handler feeds it
     */
    public static SourceFactory defaultFactory(IngestPolicy policy, WebcamHub webcams) {
        SourceContext context = new SourceContext(policy, webcams);
        SourceFactory factory = new SourceFactory();
        for (SourceProvider provider : ServiceLoader.load(SourceProvider.class, Sources.class.getClassLoader())) {
            provider.register(factory, context);
        }
        return factory;
    }

    /** {@code source} as is from the config file; from the API, wrapped so that its failures say one thing. */
    public static FrameSource opaqueForApi(SourceSpec spec, FrameSource source) {
        return spec.origin() == SourceSpec.Origin.API ? new OpaqueErrorSource(source) : source;
    }
}
