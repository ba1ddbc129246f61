package io.posegate.gateway.ingest.webcam;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.SourceContext;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.SourceProvider;
import io.posegate.gateway.ingest.SourceUri;
import io.posegate.gateway.ingest.TargetSize;

/** Registers {@code webcam:NAME}: the frames a browser sends on {@code /ws?webcam=NAME}, through the context's hub. */
public final class WebcamSources implements SourceProvider {
    @Override
    public void register(SourceFactory factory, SourceContext context) {
        WebcamHub webcams = context.webcams();
        factory.register("webcam", spec -> new WebcamSource(webcams, feedName(SourceUri.parse(spec).body()),
                TargetSize.of(spec), spec.maxFps()));
    }

    /** The feed a {@code webcam:} source reads ({@code ""} for the default one), or null for any other source. */
    public static String feedOf(io.posegate.gateway.ingest.SourceSpec spec) {
        SourceUri uri = SourceUri.parse(spec);
        return "webcam".equals(uri.scheme()) ? uri.body() : null;
    }

    /** The feed a {@code webcam:NAME} reads; a name {@code /ws?webcam=} could not give is refused. */
    static String feedName(String body) {
        if (body.isEmpty() || body.matches(WebcamHub.NAME_PATTERN)) {
            return body;
        }
        throw new IllegalArgumentException("webcam source name '" + io.posegate.gateway.security.Redaction.uri(body) + "' must match " + WebcamHub.NAME_PATTERN
                + ", the names /ws?webcam=NAME can feed");
    }
}
