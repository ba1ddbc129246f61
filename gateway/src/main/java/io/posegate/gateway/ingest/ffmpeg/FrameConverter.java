package io.posegate.gateway.ingest.ffmpeg;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.DecodeSize;
import io.posegate.gateway.ingest.FrameSink;
import io.posegate.gateway.ingest.PreviewTap;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Turns the picture an {@link FfmpegSource} decoded into packed BGR: the kept frame at the size the sink
 * asks for, in one swscale pass, and previews (the MJPEG view) separately at their own size, only while
 * someone watches. Owns the two scalers' native memory until {@link #close()}. Used by the source thread,
 * except {@link #converted()} (any thread) and {@link #close()} (by whichever thread releases the grabber).
 */
final class FrameConverter {
    private final FfmpegInput input;
    private final TargetSize target;
    private final BgrScaler scaler;
    private final BgrScaler previewScaler = new BgrScaler(swscale.SWS_BILINEAR);
    private volatile long converted;

    FrameConverter(FfmpegInput input, TargetSize target) {
        this.input = requireNonNull(input, "input is null");
        this.target = requireNonNull(target, "target is null");
        this.scaler = new BgrScaler(swscale.SWS_FAST_BILINEAR, input.scale());
    }

    /** Pictures converted to BGR (colour conversion and scaling) since creation. Readable from any thread. */
    long converted() {
        return converted;
    }

    /** Pictures converted through the planar first pass ({@link ScaleMode#PLANAR}) so far. Source thread only. */
    long planarPasses() {
        return scaler.planarPasses();
    }

    /** Makes a preview at the preview's own size when a viewer is watching and one is due. */
    void preview(FFmpegFrameGrabber g, FrameSink sink) {
        PreviewTap tap = sink.preview();
        if (tap == null || !DecodedPicture.available() || !tap.due()) {
            return;
        }
        AVFrame picture = DecodedPicture.of(g);
        if (picture == null) {
            return;
        }
        DecodeSize size = tap.size(target.widthFor(picture.width(), picture.height()),
                target.heightFor(picture.width(), picture.height()));
        previewScaler.convert(picture, size.width(), size.height(), tap.canvas());
        tap.publish();
    }

    /** Converts the kept picture into the frame, at the size the sink asks for. */
    void convert(FFmpegFrameGrabber g, Frame f, VideoFrame into, FrameSink sink) throws IOException {
        AVFrame picture = DecodedPicture.available() ? DecodedPicture.of(g) : null;
        if (picture == null) {
            copy(f, into);
        } else {
            int w = target.widthFor(picture.width(), picture.height());
            int h = target.heightFor(picture.width(), picture.height());
            DecodeSize size = sink.decodeSize(w, h);
            try {
                scaler.convert(picture, size.width(), size.height(), into);
            } catch (IllegalStateException e) {
                throw new IOException(input.shown() + ": " + input.redactedMessage(e.getMessage()));
            }
            into.showAs(w, h);
        }
        converted++;
    }

    /** The fallback when the decoded picture is not reachable: JavaCV already converted it. */
    private static void copy(Frame f, VideoFrame into) {
        int w = f.imageWidth;
        int h = f.imageHeight;
        int row = w * 3;
        ByteBuffer src = (ByteBuffer) f.image[0];
        byte[] dst = into.reshape(w, h);
        if (f.imageStride == row) {
            src.get(0, dst, 0, row * h);
        } else {
            for (int y = 0; y < h; y++) {
                src.get(y * f.imageStride, dst, y * row, row);
            }
        }
    }

    /** Frees both scalers' native memory. */
    void close() {
        scaler.close();
        previewScaler.close();
    }
}
