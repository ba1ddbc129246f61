package io.posegate.gateway.ingest;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.net.NetworkPolicy;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gateway-wide rules for sources, fixed at start-up from the config.
 *
 * @param mediaDirectory  the only directory that {@code file:} and {@code images:} sources coming from the
 *                        API may read (empty: the API may not open files at all)
 * @param networkTimeout  how long a network read or connect may block before the source fails and the
 *                        supervisor reconnects; also bounds how long a stop waits for a dead camera
 * @param webcam          limits on frames pushed by browsers
 * @param network         which addresses network sources from the API may reach (internal ones are refused
 *                        unless allowed)
 * @param pictures        the largest picture {@code images:} files and {@code pipe:} MJPEG frames may declare
 *                        ({@code sources.maxPictureSide}, {@code sources.maxPicturePixels} in the config)
 * @param environment     the gateway's environment variables by name (null when unset): FFmpeg reads some of them
 *                        itself ({@link io.posegate.gateway.ingest.net.NoProxyVariables}); the process's own by default
 */
public record IngestPolicy(Optional<Path> mediaDirectory, Duration networkTimeout, WebcamLimits webcam, NetworkPolicy network,
                           PictureLimit pictures, Function<String, String> environment) {
    public IngestPolicy {
        requireNonNull(environment, "environment is null");
        requireNonNull(mediaDirectory, "mediaDirectory is null");
        requireNonNull(network, "network is null");
        requireNonNull(pictures, "pictures is null");
        requireNonNull(networkTimeout, "networkTimeout is null");
        requireNonNull(webcam, "webcam is null");
        if (networkTimeout.isNegative() || networkTimeout.isZero()) {
            throw new IllegalArgumentException("networkTimeout must be positive, got " + networkTimeout);
        }
    }

    /** A policy that refuses internal addresses to API sources and has the default picture limit. */
    public IngestPolicy(Optional<Path> mediaDirectory, Duration networkTimeout, WebcamLimits webcam) {
        this(mediaDirectory, networkTimeout, webcam, NetworkPolicy.denyInternal(), PictureLimit.DEFAULT, System::getenv);
    }

    /**
     * No media directory for the API, a 10 s network timeout, the default webcam limits, no internal
     * address allowed to network sources from the API, {@link PictureLimit#DEFAULT} and the process's environment.
     */
    public static IngestPolicy defaults() {
        return new IngestPolicy(Optional.empty(), Duration.ofSeconds(10), WebcamLimits.defaults());
    }

    public IngestPolicy withMediaDirectory(Path dir) {
        return new IngestPolicy(Optional.of(requireNonNull(dir, "dir is null")), networkTimeout, webcam, network, pictures, environment);
    }

    public IngestPolicy withNetworkTimeout(Duration timeout) {
        return new IngestPolicy(mediaDirectory, timeout, webcam, network, pictures, environment);
    }

    public IngestPolicy withWebcam(WebcamLimits limits) {
        return new IngestPolicy(mediaDirectory, networkTimeout, limits, network, pictures, environment);
    }

    public IngestPolicy withNetwork(NetworkPolicy policy) {
        return new IngestPolicy(mediaDirectory, networkTimeout, webcam, policy, pictures, environment);
    }

    public IngestPolicy withPictures(PictureLimit limit) {
        return new IngestPolicy(mediaDirectory, networkTimeout, webcam, network, limit, environment);
    }

    /** This policy reading environment variables from {@code env} instead of the process's (tests). */
    public IngestPolicy withEnvironment(Function<String, String> env) {
        return new IngestPolicy(mediaDirectory, networkTimeout, webcam, network, pictures, env);
    }
}
