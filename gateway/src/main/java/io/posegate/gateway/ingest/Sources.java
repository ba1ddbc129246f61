package io.posegate.gateway.ingest;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.ffmpeg.FfmpegInput;
import io.posegate.gateway.ingest.ffmpeg.FfmpegInputs;
import io.posegate.gateway.ingest.ffmpeg.FfmpegSource;
import io.posegate.gateway.ingest.ffmpeg.PinnedFfmpegSource;
import io.posegate.gateway.ingest.net.SourceAddressGuard;
import io.posegate.gateway.ingest.images.ImageDirectorySource;
import io.posegate.gateway.ingest.pipe.PipeFormat;
import io.posegate.gateway.ingest.pipe.PipeSource;
import io.posegate.gateway.ingest.webcam.WebcamHub;
import io.posegate.gateway.ingest.webcam.WebcamSource;
import java.util.Set;

/**
 * The gateway's {@link SourceFactory} with every scheme registered. Creating a source checks the spec
 * (scheme, options, and the rules for API-origin specs) and opens nothing, so the API can call
 * {@link SourceFactory#create} to validate a {@code PUT /api/streams/{id}} body and answer 400 with the
 * exception's message.
 */
public final class Sources {
    /** Schemes that only the local config file (or the command line) may use. */
    public static final Set<String> CONFIG_ONLY = Set.of("pipe");
    /** FFmpeg schemes that connect over the network: from the API, checked by {@link SourceAddressGuard}. */
    public static final Set<String> NETWORK = Set.of("rtsp", "rtsps", "rtmp", "rtmps", "http", "https", "mjpeg+http",
            "mjpeg+https");

    private Sources() {
    }

    /**
     * @param policy  media directory, network timeout and webcam limits
     * @param webcams where {@code webcam:NAME} streams take their frames; the WebSocket handler feeds it
     */
    public static SourceFactory defaultFactory(IngestPolicy policy, WebcamHub webcams) {
        requireNonNull(policy, "policy is null");
        requireNonNull(webcams, "webcams is null");
        SourceFactory factory = new SourceFactory();
        SourceAddressGuard guard = new SourceAddressGuard(policy.network(), policy.networkTimeout());
        for (String scheme : FfmpegInputs.SCHEMES) {
            factory.register(scheme, spec -> ffmpeg(spec, policy, guard));
        }
        factory.register("images", spec -> opaqueForApi(spec, images(spec, policy)));
        factory.register("pipe", Sources::pipe);
        factory.register("webcam", spec -> new WebcamSource(webcams.feed(SourceUri.parse(spec).body()),
                TargetSize.of(spec), spec.maxFps()));
        factory.register("demo", io.posegate.gateway.demo.DemoSource::new);
        return factory;
    }

    /**
     * FFmpeg sources; from the API, network ones are checked and pinned to their checked address, and
     * file and network ones fail with one opaque message.
     */
    private static FrameSource ffmpeg(SourceSpec spec, IngestPolicy policy, SourceAddressGuard guard) {
        FfmpegInput input = FfmpegInputs.of(spec, policy);
        if (spec.origin() == SourceSpec.Origin.CONFIG_FILE) {
            return new FfmpegSource(input, TargetSize.of(spec), spec.maxFps());
        }
        if (NETWORK.contains(spec.scheme())) {
            return new OpaqueErrorSource(new PinnedFfmpegSource(input, guard.precheck(input.url()), guard,
                    TargetSize.of(spec), spec.maxFps()));
        }
        return opaqueForApi(spec, new FfmpegSource(input, TargetSize.of(spec), spec.maxFps()));
    }

    private static FrameSource opaqueForApi(SourceSpec spec, FrameSource source) {
        return spec.origin() == SourceSpec.Origin.API ? new OpaqueErrorSource(source) : source;
    }

    private static FrameSource images(SourceSpec spec, IngestPolicy policy) {
        SourceUri uri = SourceUri.parse(spec);
        checkOptions(uri, Set.of("loop", "fps"));
        double fps = uri.number("fps", 10);
        if (fps <= 0) {
            throw new IllegalArgumentException("images: option 'fps' must be positive, got " + fps);
        }
        double capped = spec.maxFps() > 0 ? Math.min(fps, spec.maxFps()) : fps;
        return new ImageDirectorySource(MediaPaths.resolve("images", uri.body(), spec.origin(), policy),
                uri.flag("loop", false), capped, TargetSize.of(spec));
    }

    private static FrameSource pipe(SourceSpec spec) {
        if (spec.origin() != SourceSpec.Origin.CONFIG_FILE) {
            throw new IllegalArgumentException("pipe: sources are accepted only from the local config file");
        }
        SourceUri uri = SourceUri.parse(spec);
        checkOptions(uri, Set.of("format", "size"));
        return new PipeSource(uri.body(), PipeFormat.from(uri), TargetSize.of(spec), spec.maxFps());
    }

    private static void checkOptions(SourceUri uri, Set<String> known) {
        for (String key : uri.options().keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(uri.scheme() + ": unknown option '" + key + "'; known: "
                        + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }
}
