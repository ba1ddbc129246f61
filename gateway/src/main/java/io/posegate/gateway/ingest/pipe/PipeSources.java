package io.posegate.gateway.ingest.pipe;

import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.PictureLimit;
import io.posegate.gateway.ingest.SourceContext;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.SourceProvider;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.SourceUri;
import io.posegate.gateway.ingest.TargetSize;
import java.util.Set;

/**
 * Registers {@code pipe:COMMAND}, accepted only from the local config file (see
 * {@link io.posegate.gateway.ingest.Sources#CONFIG_ONLY}); MJPEG frames are held to the policy's picture limit.
 */
public final class PipeSources implements SourceProvider {
    @Override
    public void register(SourceFactory factory, SourceContext context) {
        factory.register("pipe", spec -> create(spec, context.policy().pictures()));
    }

    private static FrameSource create(SourceSpec spec, PictureLimit limit) {
        if (spec.origin() != SourceSpec.Origin.CONFIG_FILE) {
            throw new IllegalArgumentException("pipe: sources are accepted only from the local config file");
        }
        SourceUri uri = SourceUri.parse(spec);
        uri.requireOnly(Set.of("format", "size"));
        return new PipeSource(uri.body(), PipeFormat.from(uri), TargetSize.of(spec), spec.maxFps(), limit);
    }
}
