package io.posegate.gateway.http;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;

/** Raw WebSocket frames for tests: a masked client frame (optionally permessage-deflate compressed), and reading server frames. */
final class WsFrames {
    private WsFrames() {
    }

    /** One server frame: opcode and payload (compressed frames left as they are). */
    record Frame(int opcode, byte[] payload) {
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }
    }

    /** {@code data} deflated as one permessage-deflate message (raw deflate, the trailing 00 00 FF FF removed). */
    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buf, 0, n);
            if (n < buf.length && d.needsInput()) {
                break;
            }
        }
        d.end();
        byte[] all = out.toByteArray();
        return Arrays.copyOf(all, all.length - 4);
    }

    /** Writes one final, masked client frame; {@code compressed} sets RSV1. */
    static void write(OutputStream out, int opcode, byte[] payload, boolean compressed) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x80 | (compressed ? 0x40 : 0) | opcode);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            f.write(0x80 | 126);
            f.write(payload.length >>> 8);
            f.write(payload.length);
        } else {
            f.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) payload.length >>> (8 * i)));
            }
        }
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        f.write(mask);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i & 3]);
        }
        out.write(f.toByteArray());
        out.flush();
    }

    /** Reads frames until a close frame, which is last; all of them when the connection ended without one. */
    static java.util.List<Frame> readAllUntilClose(InputStream in) throws IOException {
        java.util.List<Frame> frames = new java.util.ArrayList<>();
        DataInputStream d = new DataInputStream(in);
        while (true) {
            int b0 = d.read();
            if (b0 < 0) {
                return frames;
            }
            Frame f = new Frame(b0 & 0x0f, payload(d));
            frames.add(f);
            if (f.opcode() == 8) {
                return frames;
            }
        }
    }

    /** Reads one server frame. */
    static Frame read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int b0 = d.readUnsignedByte();
        return new Frame(b0 & 0x0f, payload(d));
    }

    private static byte[] payload(DataInputStream d) throws IOException {
        int b1 = d.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) {
            len = d.readUnsignedShort();
        } else if (len == 127) {
            len = d.readLong();
        }
        byte[] payload = new byte[(int) len];
        d.readFully(payload);
        return payload;
    }

    /** Reads frames until a close frame; null when the connection ended without one. */
    static Frame readUntilClose(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        while (true) {
            int b0 = d.read();
            if (b0 < 0) {
                return null;
            }
            byte[] payload = payload(d);
            if ((b0 & 0x0f) == 8) {
                return new Frame(8, payload);
            }
        }
    }
}
