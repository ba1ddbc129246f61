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
        factory.register("webcam", spec -> new WebcamSource(webcams.feed(SourceUri.parse(spec).body()),
                TargetSize.of(spec), spec.maxFps()));
    }
}
