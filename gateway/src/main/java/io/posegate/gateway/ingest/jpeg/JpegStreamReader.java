package io.posegate.gateway.ingest.jpeg;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream of concatenated JPEGs (MJPEG as written by {@code ffmpeg -f mjpeg -},
 * {@code nvjpegenc ! fdsink} or {@code cat *.jpg}) into pictures. It follows the marker structure
 * (segment lengths, entropy-coded data, byte stuffing) rather than searching for the first EOI, so an
 * EXIF thumbnail inside a picture does not cut it short. Bytes before an SOI are skipped.
 * Not thread-safe; one reader per stream.
 */
public final class JpegStreamReader {
    private final InputStream in;
    private final int maxBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int lim;
    private byte[] buf = new byte[1 << 16];
    private int len;

    public JpegStreamReader(InputStream in, int maxBytes) {
        this.in = requireNonNull(in, "in is null");
        this.maxBytes = maxBytes;
    }

    /**
     * Reads the next JPEG into {@link #buffer()}.
     *
     * @return its length, or -1 when the stream ended cleanly between pictures
     * @throws IOException when the stream ends inside a picture or a picture exceeds the size limit
     */
    public int next() throws IOException {
        len = 0;
        int prev = 0;
        int b;
        while ((b = read()) >= 0 && !(prev == 0xFF && b == 0xD8)) {
            prev = b;
        }
        if (b < 0) {
            return -1;
        }
        append(0xFF);
        append(0xD8);
        int marker = readMarker();
        while (true) {
            append(0xFF);
            append(marker);
            if (marker == 0xD9) {
                return len;
            }
            if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                marker = readMarker();
                continue;
            }
            int hi = readByte();
            int lo = readByte();
            append(hi);
            append(lo);
            copy(((hi << 8) | lo) - 2);
            marker = marker == 0xDA ? skipEntropyData() : readMarker();
        }
    }

    /** The bytes of the last picture; valid until the next call to {@link #next()}. */
    public byte[] buffer() {
        return buf;
    }

    private int readMarker() throws IOException {
        int b = readByte();
        if (b != 0xFF) {
            throw new IOException("corrupt MJPEG stream: expected a JPEG marker, got 0x" + Integer.toHexString(b));
        }
        while (b == 0xFF) {
            b = readByte();
        }
        return b;
    }

    /** Copies entropy-coded data (with stuffed FF00 and restart markers) and returns the marker that ends it. */
    private int skipEntropyData() throws IOException {
        while (true) {
            int b = readByte();
            if (b != 0xFF) {
                append(b);
                continue;
            }
            int next = readByte();
            while (next == 0xFF) {
                next = readByte();
            }
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                append(0xFF);
                append(next);
            } else {
                return next;
            }
        }
    }

    private void copy(int n) throws IOException {
        if (n < 0) {
            throw new IOException("corrupt MJPEG stream: bad segment length");
        }
        ensure(n);
        while (n > 0) {
            if (pos == lim && !fill()) {
                throw new EOFException("MJPEG stream ended inside a picture");
            }
            int k = Math.min(n, lim - pos);
            System.arraycopy(chunk, pos, buf, len, k);
            pos += k;
            len += k;
            n -= k;
        }
    }

    private int read() throws IOException {
        return pos < lim || fill() ? chunk[pos++] & 0xFF : -1;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        pos = 0;
        lim = Math.max(n, 0);
        return n > 0;
    }

    private int readByte() throws IOException {
        int b = read();
        if (b < 0) {
            throw new EOFException("MJPEG stream ended inside a picture");
        }
        return b;
    }

    private void append(int b) throws IOException {
        ensure(1);
        buf[len++] = (byte) b;
    }

    private void ensure(int extra) throws IOException {
        long need = (long) len + extra;
        if (need > maxBytes) {
            throw new IOException("MJPEG picture larger than the limit of " + maxBytes + " bytes");
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(maxBytes, Math.max(need, 2L * buf.length)));
        }
    }
}
