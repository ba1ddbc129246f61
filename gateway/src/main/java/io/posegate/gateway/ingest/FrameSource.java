package io.posegate.gateway.ingest;

import java.io.IOException;

/**
 * A blocking source of decoded frames: a file, a camera, a pipe, the demo scene. Each stream runs its
 * source on a dedicated thread (never an event loop); the supervisor reopens it after failures.
 *
 * <p>Lifecycle: {@link #open()}, then {@link #read} until it returns false (end of stream) or throws,
 * then {@link #close()}. A source may be opened again after close (reconnect).
 */
public interface FrameSource extends AutoCloseable {
    /** A short description for logs and the API, with no secrets (credentials in URLs are masked). */
    String describe();

    /** Connects or opens the input. Blocking. */
    void open() throws IOException;

    /**
     * Decodes the next frame into {@code into} (reusing its memory) and stamps its capture time and
     * decode duration. The sequence number is set by the caller. Blocking; paces live or
     * rate-limited sources itself.
     *
     * @return false at the end of the stream
     * @throws IOException when the input fails; the message names the source and the problem
     */
    boolean read(VideoFrame into) throws IOException;

    /**
     * Frames this source read but had to skip because they were corrupt (a JPEG that would not decode).
     * Counted as frames lost to errors, apart from the frames the pipeline drops by design. Readable from
     * any thread.
     */
    default long corruptFrames() {
        return 0;
    }

    /**
     * Tells the source where its frames go, before {@link #open()}. Sources that can decide cheaply not to
     * produce a frame (decode on demand, skip converting a frame the sink would drop) keep it; the default
     * ignores it.
     */
    default void attach(FrameSink sink) {
    }

    /** Releases the input. Idempotent; may be called from another thread to interrupt a blocked read. */
    @Override
    void close();
}
