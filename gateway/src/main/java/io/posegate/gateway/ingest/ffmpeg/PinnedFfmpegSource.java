package io.posegate.gateway.ingest.ffmpeg;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.ingest.net.EgressProxy;
import io.posegate.gateway.ingest.net.NetworkUrl;
import io.posegate.gateway.ingest.net.ResolvedTarget;
import io.posegate.gateway.ingest.net.SourceAddressGuard;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A network source from the API. On every open it resolves the host once and checks every address
 * ({@link SourceAddressGuard}); a refused address fails for good ({@code SourceRefusedException}).
 * <ul>
 *   <li>HTTP(S) and MJPEG-over-HTTP(S) then run through the {@link EgressProxy}, which checks every
 *       request FFmpeg makes (redirects and HLS segments included; FFmpeg 8 has no switch to stop
 *       following redirects) and connects to the address it checked. HTTPS is tunnelled with
 *       {@code CONNECT}, so TLS sees the real name (SNI and certificate name unchanged).</li>
 *   <li>RTSP(S) and RTMP(S) connect to the checked IP literal written into the URL. For RTSPS/RTMPS the
 *       name is passed as {@code verifyhost} (used when certificate checks are on); no SNI is sent.</li>
 * </ul>
 * Either way a DNS answer that changes between check and connection cannot reach an internal address.
 * Delegates decoding to a fresh {@link FfmpegSource} per connection; same threading as that class.
 */
public final class PinnedFfmpegSource implements FrameSource {
    private static final Set<String> TLS = Set.of("https", "rtsps", "rtmps");

    private final FfmpegInput template;
    private final NetworkUrl url;
    private final SourceAddressGuard guard;
    private final TargetSize target;
    private final double maxFps;
    private final Object lock = new Object();
    private FfmpegSource current;
    private long corruptBefore;

    public PinnedFfmpegSource(FfmpegInput template, NetworkUrl url, SourceAddressGuard guard, TargetSize target, double maxFps) {
        this.template = requireNonNull(template, "template is null");
        this.url = requireNonNull(url, "url is null");
        this.guard = requireNonNull(guard, "guard is null");
        this.target = requireNonNull(target, "target is null");
        this.maxFps = maxFps;
    }

    @Override
    public String describe() {
        return template.shown();
    }

    @Override
    public void open() throws IOException {
        ResolvedTarget pinned = guard.resolve(url);
        FfmpegSource next = new FfmpegSource(pinnedInput(pinned), target, maxFps);
        synchronized (lock) {
            retire();
            current = next;
        }
        next.open();
    }

    /** The template with the pinned URL, or routed through the egress proxy. */
    FfmpegInput pinnedInput(ResolvedTarget pinned) throws IOException {
        Map<String, String> options = new HashMap<>(template.options());
        String target = pinned.url();
        if (url.scheme().startsWith("http")) {
            target = template.url();
            options.put("http_proxy", guard.proxy().url());
            options.put("http_persistent", "0");
            if (url.scheme().equals("https")) {
                options.put("protocol_whitelist", options.get("protocol_whitelist") + ",httpproxy");
            }
        } else if (pinned.namedHost() && TLS.contains(url.scheme())) {
            options.put("verifyhost", url.host());
        }
        return new FfmpegInput(target, template.shown(), template.format(), options, template.live(),
                template.loop(), template.nativePace(), template.threads(), template.decode(), template.scale());
    }

    @Override
    public boolean read(VideoFrame into) throws IOException {
        FfmpegSource s;
        synchronized (lock) {
            s = current;
        }
        if (s == null) {
            throw new IOException(template.shown() + ": not open");
        }
        return s.read(into);
    }

    @Override
    public long corruptFrames() {
        synchronized (lock) {
            return corruptBefore + (current == null ? 0 : current.corruptFrames());
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (current != null) {
                current.close();
            }
        }
    }

    private void retire() {
        if (current != null) {
            corruptBefore += current.corruptFrames();
            current.close();
            current = null;
        }
    }
}
