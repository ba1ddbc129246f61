package io.posegate.gateway.ingest;

/**
 * Where a source thread puts decoded frames: it {@link #acquire() acquires} a free frame, decodes into
 * it, then {@link #publish publishes} it. Implemented by the pipeline's latest-wins frame slot, which
 * never blocks the source: an unconsumed older frame is recycled and counted as dropped.
 */
public interface FrameSink {
    /** A frame to decode into; never null, never blocks. Called only by the source thread. */
    VideoFrame acquire();

    /** Makes {@code frame} the latest frame. The source must not touch it afterwards. */
    void publish(VideoFrame frame);

    /** Returns an acquired frame unused (the read failed or the stream ended). */
    void recycle(VideoFrame frame);
}
