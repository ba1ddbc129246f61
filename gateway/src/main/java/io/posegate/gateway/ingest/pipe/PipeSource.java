package io.posegate.gateway.ingest.pipe;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.BgrConverter;
import io.posegate.gateway.ingest.FrameRateCap;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.Pacing;
import io.posegate.gateway.ingest.PictureLimit;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.ingest.jpeg.JpegDecoder;
import io.posegate.gateway.ingest.jpeg.JpegHeader;
import io.posegate.gateway.ingest.jpeg.JpegStreamReader;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code pipe:COMMAND}: runs {@code /bin/sh -c COMMAND} and reads frames from its stdout, either MJPEG
 * (concatenated JPEGs) or raw packed {@code bgr24} pictures of a fixed size. This is how a Jetson CSI
 * camera comes in ({@code gst-launch-1.0 ... nvjpegenc ! fdsink fd=1}). Accepted only from the local
 * config file (see {@link io.posegate.gateway.ingest.Sources}). The command's exit is a failure, so the
 * supervisor starts it again with backoff; stderr is kept for the error message. A JPEG whose header
 * declares a picture outside the source's {@link PictureLimit} fails the read before it is decoded (the
 * message gives its size); one without a readable header is skipped as corrupt.
 */
public final class PipeSource implements FrameSource {
    private final String command;
    private final PipeFormat format;
    private final BgrConverter converter;
    private final FrameRateCap cap;
    private final PictureLimit limit;
    private volatile Process process;
    private volatile StderrTail stderr;
    private JpegStreamReader jpegs;
    private InputStream stdout;
    private BufferedImage rawImage;
    private volatile long corrupt;

    /** @param limit the largest picture an MJPEG frame's header may declare (raw {@code bgr24} frames have a fixed size) */
    public PipeSource(String command, PipeFormat format, TargetSize target, double maxFps, PictureLimit limit) {
        this.command = requireNonNull(command, "command is null");
        if (command.isBlank()) {
            throw new IllegalArgumentException("pipe: source has an empty command");
        }
        this.format = requireNonNull(format, "format is null");
        this.converter = new BgrConverter(requireNonNull(target, "target is null"));
        this.cap = new FrameRateCap(maxFps);
        this.limit = requireNonNull(limit, "limit is null");
    }

    @Override
    public String describe() {
        return "pipe:" + command;
    }

    @Override
    public void open() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
        Process p = pb.start();
        p.getOutputStream().close();
        process = p;
        stderr = StderrTail.start(p, "pipe-stderr");
        stdout = p.getInputStream();
        jpegs = format.mjpeg() ? new JpegStreamReader(stdout, format.maxJpegBytes()) : null;
        cap.reset();
    }

    @Override
    public boolean read(VideoFrame into) throws IOException {
        while (true) {
            boolean got = format.mjpeg() ? readJpeg(into) : readRaw(into);
            if (got && cap.admit()) {
                return true;
            }
        }
    }

    private boolean readJpeg(VideoFrame into) throws IOException {
        int n = guard(jpegs::next);
        if (n < 0) {
            throw exited();
        }
        long cpu0 = Pacing.threadCpuNanos();
        if (!sizeAdmitted(jpegs.buffer(), n)) {
            corrupt++;
            return false;
        }
        BufferedImage image = JpegDecoder.decode(jpegs.buffer(), n);
        if (image == null) {
            corrupt++;
            return false;
        }
        converter.convert(image, into);
        stampNow(into, cpu0);
        return true;
    }

    /**
     * False when the JPEG has no readable SOF header (corrupt).
     *
     * @throws IOException when the header declares a picture outside the limit
     */
    private boolean sizeAdmitted(byte[] jpeg, int length) throws IOException {
        JpegHeader header;
        try {
            header = JpegHeader.read(jpeg, length);
        } catch (IllegalArgumentException e) {
            return false;
        }
        limit.check("pipe: a JPEG frame", header.width(), header.height());
        return true;
    }

    private boolean readRaw(VideoFrame into) throws IOException {
        if (rawImage == null) {
            rawImage = new BufferedImage(format.width(), format.height(), BufferedImage.TYPE_3BYTE_BGR);
        }
        byte[] pixels = BgrConverter.pixels(rawImage);
        int got = guard(() -> stdout.readNBytes(pixels, 0, pixels.length));
        if (got < pixels.length) {
            throw exited();
        }
        long cpu0 = Pacing.threadCpuNanos();
        converter.convert(rawImage, into);
        stampNow(into, cpu0);
        return true;
    }

    private static void stampNow(VideoFrame into, long cpu0) {
        double ms = (Pacing.threadCpuNanos() - cpu0) / 1e6;
        into.stamp(into.sequence(), System.currentTimeMillis() - Math.round(ms), ms);
    }

    private int guard(IoCall call) throws IOException {
        try {
            return call.run();
        } catch (EOFException e) {
            throw exited();
        }
    }

    private IOException exited() {
        Process p = process;
        String code = "";
        try {
            if (p != null && p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                code = " with code " + p.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StderrTail tail = stderr;
        String last = tail == null ? "" : tail.last();
        return new IOException("pipe command exited" + code + (last.isEmpty() ? "" : ": " + last));
    }

    @Override
    public long corruptFrames() {
        return corrupt;
    }

    @Override
    public void close() {
        Process p = process;
        process = null;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @FunctionalInterface
    private interface IoCall {
        int run() throws IOException;
    }
}
