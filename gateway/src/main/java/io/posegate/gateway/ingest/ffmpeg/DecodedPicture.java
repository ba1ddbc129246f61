package io.posegate.gateway.ingest.ffmpeg;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * The picture a {@link FFmpegFrameGrabber} decoded last, before any colour conversion. JavaCV can grab
 * without converting ({@code grabFrame(false, true, false, false)}) but keeps the decoded frame private;
 * this reads it so that the gateway converts only the frames it keeps, once, straight to the size it
 * needs. When a JavaCV version no longer has the field, {@link #available()} is false and sources fall
 * back to converting every frame.
 */
final class DecodedPicture {
    private static final GrabberField<AVFrame> PICTURE = new GrabberField<>("picture", AVFrame.class);

    private DecodedPicture() {
    }

    static boolean available() {
        return PICTURE.available();
    }

    /** The grabber's last decoded picture (owned by the grabber, valid until its next grab), or null. */
    static AVFrame of(FFmpegFrameGrabber grabber) {
        return PICTURE.of(grabber);
    }
}
