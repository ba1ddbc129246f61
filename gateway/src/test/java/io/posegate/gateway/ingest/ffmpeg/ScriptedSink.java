package io.posegate.gateway.ingest.ffmpeg;

import io.posegate.gateway.ingest.DecodeSize;
import io.posegate.gateway.ingest.FrameSink;
import io.posegate.gateway.ingest.VideoFrame;
import java.util.function.IntPredicate;

/**
 * A sink whose {@link #full()} answers from a script over its call count, so a test decides, without any
 * timing, which frames a source would drop. Tests call {@code FfmpegSource.read} themselves, so frames are
 * never acquired or published here.
 */
final class ScriptedSink implements FrameSink {
    private final IntPredicate fullOnCall;
    private int calls;
    private long skipped;
    private DecodeSize size;

    ScriptedSink(IntPredicate fullOnCall) {
        this.fullOnCall = fullOnCall;
    }

    static ScriptedSink alwaysFull() {
        return new ScriptedSink(n -> true);
    }

    static ScriptedSink neverFull() {
        return new ScriptedSink(n -> false);
    }

    /** Asks for every picture at {@code size}, as a stream's slot asks for its model's size. */
    ScriptedSink decodingAt(DecodeSize size) {
        this.size = size;
        return this;
    }

    @Override
    public DecodeSize decodeSize(int width, int height) {
        return size != null ? size : FrameSink.super.decodeSize(width, height);
    }

    @Override
    public boolean full() {
        return fullOnCall.test(calls++);
    }

    @Override
    public void skipped() {
        skipped++;
    }

    long skippedFrames() {
        return skipped;
    }

    @Override
    public VideoFrame acquire() {
        throw new UnsupportedOperationException("the test reads frames itself");
    }

    @Override
    public void publish(VideoFrame frame) {
        throw new UnsupportedOperationException("the test reads frames itself");
    }

    @Override
    public void recycle(VideoFrame frame) {
        throw new UnsupportedOperationException("the test reads frames itself");
    }
}
