package io.posegate.gateway.ingest.ffmpeg;

import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.OpaqueErrorSource;
import io.posegate.gateway.ingest.SourceContext;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.SourceProvider;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.Sources;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.net.NoProxyVariables;
import io.posegate.gateway.ingest.net.SourceAddressGuard;
import java.util.List;
import java.util.Set;

/**
 * Registers the FFmpeg schemes ({@link FfmpegInputs#SCHEMES}). From the API, network sources are
 * checked and pinned to their checked address, and file and network sources fail with one opaque message;
 * proxied ones ({@link #PROXIED}) are refused while {@code no_proxy} is set ({@link NoProxyVariables}).
 */
public final class FfmpegSources implements SourceProvider {
    /** FFmpeg schemes that connect over the network: from the API, checked by {@link SourceAddressGuard}. */
    public static final Set<String> NETWORK = Set.of("rtsp", "rtsps", "rtmp", "rtmps", "http", "https", "mjpeg+http",
            "mjpeg+https");
    /**
     * Network schemes from the API that FFmpeg opens through the egress proxy ({@link PinnedFfmpegSource}); refused
     * while {@code no_proxy} is set ({@link NoProxyVariables}), since FFmpeg would skip the proxy for the hosts it matches.
     */
    public static final Set<String> PROXIED = Set.of("http", "https", "mjpeg+http", "mjpeg+https");

    @Override
    public void register(SourceFactory factory, SourceContext context) {
        IngestPolicy policy = context.policy();
        SourceAddressGuard guard = new SourceAddressGuard(policy.network(), policy.networkTimeout());
        for (String scheme : FfmpegInputs.SCHEMES) {
            factory.register(scheme, spec -> create(spec, policy, guard));
        }
    }

    private static FrameSource create(SourceSpec spec, IngestPolicy policy, SourceAddressGuard guard) {
        FfmpegInput input = FfmpegInputs.of(spec, policy);
        if (spec.origin() == SourceSpec.Origin.CONFIG_FILE) {
            return new FfmpegSource(input, TargetSize.of(spec), spec.maxFps());
        }
        if (PROXIED.contains(spec.scheme())) {
            List<String> bypass = NoProxyVariables.setIn(policy.environment());
            if (!bypass.isEmpty()) {
                throw new IllegalArgumentException(NoProxyVariables.refusal(spec.scheme(), bypass));
            }
        }
        if (NETWORK.contains(spec.scheme())) {
            return new OpaqueErrorSource(new PinnedFfmpegSource(input, guard.precheck(input.url()), guard,
                    TargetSize.of(spec), spec.maxFps()));
        }
        return Sources.opaqueForApi(spec, new FfmpegSource(input, TargetSize.of(spec), spec.maxFps()));
    }
}
