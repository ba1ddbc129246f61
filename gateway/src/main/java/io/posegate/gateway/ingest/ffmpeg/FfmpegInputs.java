package io.posegate.gateway.ingest.ffmpeg;

import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.MediaPaths;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.SourceUri;
import io.posegate.gateway.security.Redaction;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds the {@link FfmpegInput} for each FFmpeg scheme: the protocol whitelist, TCP for RTSP ({@link RtspTransport}), I/O
 * timeouts so a dead camera fails instead of blocking, and the checks for API-origin specs.
 * Every scheme takes {@code threads} (decoder threads, default 1), {@code scale} ({@link ScaleMode}, default
 * {@code planar}) and {@code decode} ({@link DecodeMode},
 * default {@code auto}). Options named {@code ffmpeg.NAME} are passed to FFmpeg as is, from the config file only.
 */
public final class FfmpegInputs {
    /** The schemes decoded through FFmpeg. */
    public static final Set<String> SCHEMES = Set.of("file", "rtsp", "rtsps", "rtmp", "rtmps", "http", "https",
            "mjpeg+http", "mjpeg+https", "v4l2");

    private static final Pattern DEVICE = Pattern.compile("/dev/video[0-9]{1,3}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_./:-]{1,32}");
    private static final String HTTP = "http,https,tcp,tls,crypto";

    private FfmpegInputs() {
    }

    /** @throws IllegalArgumentException naming the option, path or rule that was broken */
    public static FfmpegInput of(SourceSpec spec, IngestPolicy policy) {
        SourceUri uri = SourceUri.parse(spec);
        String scheme = uri.scheme();
        Map<String, String> opts = new HashMap<>();
        String timeoutMicros = Long.toString(policy.networkTimeout().toMillis() * 1000);
        int threads = (int) uri.number("threads", 1);
        String url = uri.withoutFragment();
        String format = null;
        Set<String> known = new TreeSet<>(Set.of("threads", "decode", "scale"));
        DecodeMode decode = DecodeMode.parse(uri.option("decode", DecodeMode.AUTO.option()));
        ScaleMode scale = ScaleMode.parse(uri.option("scale", ScaleMode.PLANAR.option()));
        switch (scheme) {
            case "file" -> {
                known.addAll(Set.of("loop", "pace"));
                url = "file:" + MediaPaths.resolve(scheme, uri.body(), spec.origin(), policy);
                opts.put("protocol_whitelist", "file");
            }
            case "rtsp", "rtsps" -> {
                known.add("transport");
                opts.put("rtsp_transport", RtspTransport.choose(spec, uri, url, policy.network()));
                opts.put("timeout", timeoutMicros);
                opts.put("protocol_whitelist", scheme.equals("rtsps") ? "rtsps,rtsp,rtp,udp,tcp,tls" : "rtsp,rtp,udp,tcp");
            }
            case "rtmp", "rtmps" -> {
                opts.put("rw_timeout", timeoutMicros);
                opts.put("protocol_whitelist", scheme.equals("rtmps") ? "rtmps,tcp,tls" : "rtmp,tcp");
            }
            case "http", "https", "mjpeg+http", "mjpeg+https" -> {
                if (scheme.startsWith("mjpeg+")) {
                    url = url.substring("mjpeg+".length());
                    format = "mpjpeg";
                }
                opts.put("rw_timeout", timeoutMicros);
                opts.put("timeout", timeoutMicros);
                opts.put("protocol_whitelist", HTTP);
            }
            case "v4l2" -> {
                known.addAll(Set.of("input_format", "video_size", "framerate"));
                if (!DEVICE.matcher(uri.body()).matches()) {
                    throw new IllegalArgumentException("v4l2: device must be /dev/videoN, got '" + io.posegate.gateway.security.Redaction.uri(uri.body()) + "'");
                }
                url = uri.body();
                format = "video4linux2";
                for (String k : Set.of("input_format", "video_size", "framerate")) {
                    if (uri.options().containsKey(k)) {
                        opts.put(k, token(uri, k));
                    }
                }
                opts.put("protocol_whitelist", "file");
            }
            default -> throw new IllegalArgumentException("not an FFmpeg scheme: '" + scheme + "'");
        }
        passThrough(spec, uri, opts, known);
        boolean isFile = scheme.equals("file");
        boolean nativePace = isFile && paceNative(uri);
        return new FfmpegInput(url, Redaction.uri(uri.withoutFragment()), format, opts, !isFile,
                isFile && uri.flag("loop", false), nativePace, Math.max(1, threads), decode, scale);
    }

    private static boolean paceNative(SourceUri uri) {
        String pace = uri.option("pace", "native");
        if (!pace.equals("native") && !pace.equals("fast")) {
            throw new IllegalArgumentException("file: option 'pace' must be native or fast, got '" + pace + "'");
        }
        return pace.equals("native");
    }

    private static String token(SourceUri uri, String key) {
        String v = uri.options().get(key);
        if (!TOKEN.matcher(v).matches()) {
            throw new IllegalArgumentException(uri.scheme() + ": option '" + key + "' has a bad value '" + v + "'");
        }
        return v;
    }

    private static void passThrough(SourceSpec spec, SourceUri uri, Map<String, String> opts, Set<String> known) {
        for (Map.Entry<String, String> e : uri.options().entrySet()) {
            String key = e.getKey();
            if (key.startsWith("ffmpeg.")) {
                if (spec.origin() != SourceSpec.Origin.CONFIG_FILE) {
                    throw new IllegalArgumentException("option '" + key + "' is accepted only from the local config file");
                }
                opts.put(key.substring("ffmpeg.".length()), e.getValue());
            } else if (!known.contains(key)) {
                throw new IllegalArgumentException(uri.scheme() + ": unknown option '" + key + "'; known: "
                        + String.join(", ", known) + ", ffmpeg.NAME (config file only)");
            }
        }
    }
}
