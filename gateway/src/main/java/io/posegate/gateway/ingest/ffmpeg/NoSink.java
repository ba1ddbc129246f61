package io.posegate.gateway.ingest.ffmpeg;

import io.posegate.gateway.ingest.FrameSink;
import io.posegate.gateway.ingest.VideoFrame;

/** The sink of an {@link FfmpegSource} before one is attached: asking it for a frame is an error. */
final class NoSink implements FrameSink {
    static final FrameSink INSTANCE = new NoSink();

    private NoSink() {
    }

    @Override
    public VideoFrame acquire() {
        throw new UnsupportedOperationException("no sink attached");
    }

    @Override
    public void publish(VideoFrame frame) {
        throw new UnsupportedOperationException("no sink attached");
    }

    @Override
    public void recycle(VideoFrame frame) {
        throw new UnsupportedOperationException("no sink attached");
    }
}
