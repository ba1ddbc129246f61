package io.posegate.gateway.testing;

import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.pipeline.FrameSlot;

/**
 * A frame slot whose frames are taken as soon as they are published, as an idle inference worker takes
 * them. Ingest tests need one: a live source skips converting a frame while its slot is still full, so
 * with nobody taking frames only the first would ever be published.
 */
public final class DrainedSlot {
    private final FrameSlot slot;
    private volatile int lastWidth;
    private volatile int lastHeight;

    public DrainedSlot() {
        FrameSlot[] self = new FrameSlot[1];
        self[0] = new FrameSlot(() -> {
            VideoFrame f = self[0].take();
            if (f != null) {
                lastWidth = f.width();
                lastHeight = f.height();
                self[0].recycle(f);
            }
        });
        slot = self[0];
    }

    public FrameSlot slot() {
        return slot;
    }

    /** Frames the source published (each one taken at once). */
    public long published() {
        return slot.published();
    }

    /** The width of the last frame taken, or 0 before the first. */
    public int lastWidth() {
        return lastWidth;
    }

    /** The height of the last frame taken, or 0 before the first. */
    public int lastHeight() {
        return lastHeight;
    }
}
