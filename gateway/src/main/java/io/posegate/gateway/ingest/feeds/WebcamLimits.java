package io.posegate.gateway.ingest.feeds;

/**
 * Limits on JPEG frames a browser pushes for a {@code webcam:} stream.
 *
 * @param maxBytes      largest accepted JPEG
 * @param maxWidth      widest accepted picture, read from the SOF header before decoding
 * @param maxHeight     tallest accepted picture
 * @param maxFps        frames per second accepted per feed; faster frames are refused and counted
 * @param queueCapacity frames waiting for the decode thread; when full the oldest is dropped
 */
public record WebcamLimits(int maxBytes, int maxWidth, int maxHeight, double maxFps, int queueCapacity) {
    public WebcamLimits {
        if (maxBytes <= 0 || maxWidth <= 0 || maxHeight <= 0 || maxFps <= 0 || queueCapacity <= 0) {
            throw new IllegalArgumentException("webcam limits must be positive: maxBytes=" + maxBytes + " maxWidth="
                    + maxWidth + " maxHeight=" + maxHeight + " maxFps=" + maxFps + " queueCapacity=" + queueCapacity);
        }
    }

    /** 2 MiB, 1920x1080, 30 frames/s, 2 queued frames. */
    public static WebcamLimits defaults() {
        return new WebcamLimits(2 << 20, 1920, 1080, 30, 2);
    }
}
