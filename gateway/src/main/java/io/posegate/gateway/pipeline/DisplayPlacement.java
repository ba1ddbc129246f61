package io.posegate.gateway.pipeline;

import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;

/**
 * Maps a frame's model placement to the stream's pixels: the frame's display size, which is bigger than
 * the frame when the decoder already scaled it down for the model. The mapped placement is kept while the
 * model placement and the display size stay the same, so a steady stream allocates none per frame.
 *
 * <p>Not thread-safe: one per {@link FrameProcessor}.
 */
final class DisplayPlacement {
    private InputTransform lastPlacement;
    private InputTransform displayPlacement;
    private int lastDisplayW;
    private int lastDisplayH;

    /** The placement {@code t} of {@code frame} in the model input, as seen from the frame's display pixels. */
    InputTransform of(VideoFrame frame, InputTransform t) {
        if (frame.displayWidth() == frame.width() && frame.displayHeight() == frame.height()) {
            return t;
        }
        if (t != lastPlacement || frame.displayWidth() != lastDisplayW || frame.displayHeight() != lastDisplayH) {
            float kx = (float) frame.width() / frame.displayWidth();
            float ky = (float) frame.height() / frame.displayHeight();
            lastPlacement = t;
            lastDisplayW = frame.displayWidth();
            lastDisplayH = frame.displayHeight();
            displayPlacement = new InputTransform(t.scaleX() * kx, t.scaleY() * ky, t.padX(), t.padY());
        }
        return displayPlacement;
    }
}
