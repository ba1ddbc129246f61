package io.posegate.gateway.ingest.ffmpeg;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.security.Redaction;
import java.util.Map;

/**
 * Everything needed to open one input with FFmpeg.
 *
 * @param url         what FFmpeg opens (a {@code file:} path, a camera URL, a device)
 * @param shown       the same for logs and the API, password masked
 * @param format      a forced demuxer ({@code mpjpeg}, {@code video4linux2}) or null to probe
 * @param options     demuxer/protocol options, always with a {@code protocol_whitelist}
 * @param live        true for cameras and network streams: an end of stream is a failure to reconnect
 *                    from, and the frame-rate cap drops frames instead of waiting
 * @param loop        restart a file at its end
 * @param nativePace  deliver a file's frames at its own frame rate instead of as fast as possible
 * @param threads     decoder threads (1 keeps decode time measurable as this thread's CPU time)
 * @param decode      what the decoder may leave undecoded ({@link DecodeMode}, option {@code decode})
 * @param scale       how pictures are scaled to the model's size ({@link ScaleMode}, option {@code scale})
 */
public record FfmpegInput(String url, String shown, String format, Map<String, String> options,
                          boolean live, boolean loop, boolean nativePace, int threads, DecodeMode decode,
                          ScaleMode scale) {
    public FfmpegInput {
        requireNonNull(url, "url is null");
        requireNonNull(scale, "scale is null");
        requireNonNull(shown, "shown is null");
        requireNonNull(decode, "decode is null");
        options = Map.copyOf(requireNonNull(options, "options is null"));
        if (!options.containsKey("protocol_whitelist")) {
            throw new IllegalArgumentException("an FFmpeg input needs a protocol_whitelist: " + shown);
        }
    }

    /** An input with the default {@link ScaleMode#PLANAR}. */
    public FfmpegInput(String url, String shown, String format, Map<String, String> options,
                       boolean live, boolean loop, boolean nativePace, int threads, DecodeMode decode) {
        this(url, shown, format, options, live, loop, nativePace, threads, decode, ScaleMode.PLANAR);
    }

    /** An input with the default {@link DecodeMode#AUTO} and {@link ScaleMode#PLANAR}. */
    public FfmpegInput(String url, String shown, String format, Map<String, String> options,
                       boolean live, boolean loop, boolean nativePace, int threads) {
        this(url, shown, format, options, live, loop, nativePace, threads, DecodeMode.AUTO);
    }

    /**
     * FFmpeg's or JavaCV's message about this input made safe to show: the raw {@link #url} it quotes
     * ({@code Could not open input "rtsp://…"}) is replaced by its redacted form before the rest is redacted, as
     * a password with a quote or a space would end the URL early for {@link Redaction#text}.
     */
    public String redactedMessage(String message) {
        String m = String.valueOf(message);
        return Redaction.text(url.isEmpty() ? m : m.replace(url, Redaction.uri(url)));
    }
}
