package io.posegate.gateway.ingest.images;

import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.MediaPaths;
import io.posegate.gateway.ingest.SourceContext;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.SourceProvider;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.SourceUri;
import io.posegate.gateway.ingest.Sources;
import io.posegate.gateway.ingest.TargetSize;
import java.nio.file.Path;
import java.util.Set;

/**
 * Registers {@code images:DIR#loop=true&fps=10}: the pictures of a directory in name order, each within the
 * policy's {@link IngestPolicy#pictures() picture limit}. From the API the folder and each picture read must lie
 * inside the media directory once symlinks are resolved.
 */
public final class ImageSources implements SourceProvider {
    @Override
    public void register(SourceFactory factory, SourceContext context) {
        factory.register("images", spec -> Sources.opaqueForApi(spec, create(spec, context.policy())));
    }

    private static FrameSource create(SourceSpec spec, IngestPolicy policy) {
        SourceUri uri = SourceUri.parse(spec);
        uri.requireOnly(Set.of("loop", "fps"));
        double fps = uri.number("fps", 10);
        if (fps <= 0) {
            throw new IllegalArgumentException("images: option 'fps' must be positive, got " + fps);
        }
        double capped = spec.maxFps() > 0 ? Math.min(fps, spec.maxFps()) : fps;
        Path folder = MediaPaths.resolve("images", uri.body(), spec.origin(), policy);
        Path confinedTo = spec.origin() == SourceSpec.Origin.API ? policy.mediaDirectory().orElseThrow() : null;
        return new ImageDirectorySource(folder, uri.flag("loop", false), capped, TargetSize.of(spec), policy.pictures(), confinedTo);
    }
}
