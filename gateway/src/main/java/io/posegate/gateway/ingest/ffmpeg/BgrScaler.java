package io.posegate.gateway.ingest.ffmpeg;

import io.posegate.gateway.ingest.VideoFrame;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts a decoded FFmpeg picture (any pixel format) to packed BGR at a given size in one swscale
 * pass, into a reused native buffer, then into the frame's array. The context and buffer are
 * reused while the sizes stay the same, so steady state allocates nothing native. With
 * {@link ScaleMode#PLANAR}, a YUV 4:2:0 picture that changes size is scaled in YUV first
 * ({@link Yuv420Planes}) and converted to BGR at the final size in a second pass.
 *
 * <p>Not thread-safe: one per source thread. {@link #close()} frees the native memory.
 */
final class BgrScaler implements AutoCloseable {
    /** FFmpeg's AV_NUM_DATA_POINTERS: the length of an AVFrame's data and linesize arrays. */
    private static final int DATA_POINTERS = 8;
    private SwsContext context;
    private BytePointer buffer;
    private PointerPointer<BytePointer> dstData;
    private IntPointer dstStride;
    private final int flags;
    private final Yuv420Planes planes;
    private final PlanarTail tail;
    private long planarPasses;

    /** A one-pass ({@link ScaleMode#DIRECT}) scaler. */
    BgrScaler(int flags) {
        this(flags, ScaleMode.DIRECT);
    }

    /**
     * @param flags swscale's algorithm: {@code SWS_FAST_BILINEAR} for model input (plain two-tap bilinear,
     *              what networks trained on OpenCV-resized pictures expect; a smoothing filter such as
     *              {@code SWS_BILINEAR} loses small people), {@code SWS_BILINEAR} for pictures people look at
     */
    BgrScaler(int flags, ScaleMode mode) {
        this.flags = flags;
        this.planes = mode == ScaleMode.PLANAR ? new Yuv420Planes(flags) : null;
        this.tail = mode == ScaleMode.PLANAR ? new PlanarTail() : null;
    }

    /** Pictures converted through the planar first pass so far (the rest went straight to BGR). */
    long planarPasses() {
        return planarPasses;
    }

    /** Converts {@code picture} to {@code width x height} BGR into {@code into}. */
    void convert(AVFrame picture, int width, int height, VideoFrame into) {
        boolean planar = planes != null && picture.format() == avutil.AV_PIX_FMT_YUV420P
                && (picture.width() != width || picture.height() != height);
        int srcFormat = planar ? avutil.AV_PIX_FMT_YUV420P : picture.format();
        context = swscale.sws_getCachedContext(context, planar ? width : picture.width(), planar ? height : picture.height(),
                srcFormat, width, height, avutil.AV_PIX_FMT_BGR24, flags, null, null, (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("cannot convert " + picture.width() + "x" + picture.height() + " pixel format "
                    + picture.format() + " to BGR " + width + "x" + height);
        }
        int bytes = width * height * 3;
        if (buffer == null || buffer.capacity() < bytes) {
            freeBuffer();
            buffer = new BytePointer(avutil.av_malloc(bytes + 64L)).capacity(bytes + 64L);
            dstData = new PointerPointer<>(DATA_POINTERS);
            dstData.put(0, buffer);
        }
        if (dstStride == null) {
            dstStride = new IntPointer(DATA_POINTERS);
        }
        dstStride.put(0, width * 3);
        if (planar) {
            planes.scale(picture, width, height);
            swscale.sws_scale(context, planes.data(), planes.linesize(), 0, height, dstData, dstStride);
            tail.convert(planes, width, height, buffer.position(0), dstStride);
            planarPasses++;
        } else {
            swscale.sws_scale(context, picture.data(), picture.linesize(), 0, picture.height(), dstData, dstStride);
        }
        buffer.position(0).get(into.reshape(width, height), 0, bytes);
    }

    private void freeBuffer() {
        if (buffer != null) {
            avutil.av_free(buffer.position(0));
            buffer = null;
        }
        if (dstData != null) {
            dstData.close();
            dstData = null;
        }
    }

    @Override
    public void close() {
        freeBuffer();
        if (planes != null) {
            planes.close();
            tail.close();
        }
        if (context != null) {
            swscale.sws_freeContext(context);
            context = null;
        }
    }
}
