package io.posegate.gateway.ingest.ffmpeg;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts the right-most columns of a {@link Yuv420Planes} picture to BGR with swscale's exact C code.
 * swscale's SIMD YUV-to-BGR converter works in blocks of pixels and leaves the last {@code width % 8}
 * columns of a row unwritten; this rewrites the last {@value #COLUMNS} or so columns after it.
 *
 * <p>Not thread-safe: one per {@link BgrScaler}. {@link #close()} frees the native memory.
 */
final class PlanarTail implements AutoCloseable {
    /** Columns converted again: more than any SIMD block leaves out. */
    static final int COLUMNS = 32;
    private SwsContext context;
    private final PointerPointer<BytePointer> src = new PointerPointer<>(8);
    private final PointerPointer<BytePointer> dst = new PointerPointer<>(8);
    private long viewsKey;

    /** Rewrites the last columns of the {@code width x height} BGR picture at {@code bgr} (stride width * 3). */
    void convert(Yuv420Planes planes, int width, int height, BytePointer bgr, IntPointer bgrStride) {
        if (width <= COLUMNS) {
            return;
        }
        int start = (width - COLUMNS) & ~1;
        int tail = width - start;
        context = swscale.sws_getCachedContext(context, tail, height, avutil.AV_PIX_FMT_YUV420P, tail, height,
                avutil.AV_PIX_FMT_BGR24, swscale.SWS_POINT | swscale.SWS_ACCURATE_RND | swscale.SWS_BITEXACT,
                null, null, (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("cannot convert the last " + tail + " columns of " + width + "x" + height + " to BGR");
        }
        long key = bgr.address() ^ ((long) width << 40) ^ ((long) height << 20) ^ planes.data().get(0).address();
        if (key != viewsKey) {
            for (int p = 0; p < 3; p++) {
                src.put(p, new BytePointer(planes.data().get(BytePointer.class, p)).position(p == 0 ? start : start / 2));
            }
            dst.put(0, new BytePointer(bgr).position(start * 3L));
            viewsKey = key;
        }
        swscale.sws_scale(context, src, planes.linesize(), 0, height, dst, bgrStride);
    }

    @Override
    public void close() {
        if (context != null) {
            swscale.sws_freeContext(context);
            context = null;
        }
    }
}
