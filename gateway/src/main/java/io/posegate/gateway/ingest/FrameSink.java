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

    /**
     * Blocks until the frame published last has been taken by a worker, so that an on-demand source
     * (a file read with {@code pace=fast}) decodes its next frame only when it will be used. Called only by
     * the source thread. The default never blocks.
     *
     * @throws InterruptedException when the stream is being stopped
     */
    default void awaitDemand() throws InterruptedException {
    }

    /**
     * True while a published frame waits for a worker: a frame published now would replace it, so one of
     * the two would be dropped. Live sources check this to skip converting a frame that will be dropped.
     */
    default boolean full() {
        return false;
    }

    /** Counts a frame the source decoded but did not convert because it would have been dropped. */
    default void skipped() {
    }

    /**
     * The size worth converting a {@code width x height} picture to for the consumer (smaller when the
     * model's pre-processing would shrink it anyway). The default keeps the size.
     */
    default DecodeSize decodeSize(int width, int height) {
        return new DecodeSize(width, height);
    }

    /** Where a source that can make previews apart from the inference frames puts them; null for none. */
    default PreviewTap preview() {
        return null;
    }
}
