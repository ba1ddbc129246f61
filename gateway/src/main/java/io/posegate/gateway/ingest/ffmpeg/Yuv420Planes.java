package io.posegate.gateway.ingest.ffmpeg;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A reused planar YUV 4:2:0 picture that a decoded picture is scaled into by swscale, the first pass of
 * {@link ScaleMode#PLANAR}. Rows are padded to 64 bytes so that SIMD code reading or writing a few pixels
 * past the width stays inside the planes.
 *
 * <p>Not thread-safe: one per {@link BgrScaler}. {@link #close()} frees the native memory.
 */
final class Yuv420Planes implements AutoCloseable {
    private static final int DATA_POINTERS = 8;
    private static final int ALIGN = 64;
    private final int flags;
    private SwsContext context;
    private final BytePointer[] planes = new BytePointer[3];
    private PointerPointer<BytePointer> data;
    private IntPointer linesize;
    private int width;
    private int height;

    Yuv420Planes(int flags) {
        this.flags = flags;
    }

    /** Scales {@code picture} into these planes at {@code w x h}. */
    void scale(AVFrame picture, int w, int h) {
        context = swscale.sws_getCachedContext(context, picture.width(), picture.height(), picture.format(),
                w, h, avutil.AV_PIX_FMT_YUV420P, flags, null, null, (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("cannot scale " + picture.width() + "x" + picture.height() + " pixel format "
                    + picture.format() + " to YUV 4:2:0 " + w + "x" + h);
        }
        ensure(w, h);
        swscale.sws_scale(context, picture.data(), picture.linesize(), 0, picture.height(), data, linesize);
    }

    PointerPointer<BytePointer> data() {
        return data;
    }

    IntPointer linesize() {
        return linesize;
    }

    private void ensure(int w, int h) {
        if (w == width && h == height && data != null) {
            return;
        }
        freePlanes();
        int[] strides = {align(w), align((w + 1) / 2), align((w + 1) / 2)};
        int[] rows = {h, (h + 1) / 2, (h + 1) / 2};
        data = new PointerPointer<>(DATA_POINTERS);
        linesize = new IntPointer(DATA_POINTERS);
        for (int p = 0; p < 3; p++) {
            long bytes = (long) strides[p] * rows[p] + ALIGN;
            planes[p] = new BytePointer(avutil.av_malloc(bytes)).capacity(bytes);
            data.put(p, planes[p]);
            linesize.put(p, strides[p]);
        }
        width = w;
        height = h;
    }

    private static int align(int bytes) {
        return (bytes + ALIGN - 1) / ALIGN * ALIGN;
    }

    private void freePlanes() {
        for (int p = 0; p < 3; p++) {
            if (planes[p] != null) {
                avutil.av_free(planes[p]);
                planes[p] = null;
            }
        }
        if (data != null) {
            data.close();
            linesize.close();
            data = null;
            linesize = null;
        }
        width = 0;
        height = 0;
    }

    @Override
    public void close() {
        freePlanes();
        if (context != null) {
            swscale.sws_freeContext(context);
            context = null;
        }
    }
}
