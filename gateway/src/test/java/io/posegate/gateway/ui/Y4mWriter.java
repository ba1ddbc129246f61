package io.posegate.gateway.ui;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes packed-BGR pictures as a YUV4MPEG2 (4:2:0, BT.601 limited range, which is how Chromium reads it) file: the format Chromium's
 * {@code --use-file-for-fake-video-capture} plays as a camera.
 */
final class Y4mWriter {
    private Y4mWriter() {
    }

    static Path write(Path file, int width, int height, int fps, List<byte[]> bgrFrames) throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("Y4M 4:2:0 needs even sizes, got " + width + "x" + height);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F" + fps + ":1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            byte[] y = new byte[width * height];
            byte[] u = new byte[width * height / 4];
            byte[] v = new byte[width * height / 4];
            for (byte[] bgr : bgrFrames) {
                convert(bgr, width, height, y, u, v);
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(y);
                out.write(u);
                out.write(v);
            }
        }
        return file;
    }

    private static void convert(byte[] bgr, int w, int h, byte[] y, byte[] u, byte[] v) {
        for (int i = 0; i < w * h; i++) {
            double b = bgr[3 * i] & 0xff;
            double g = bgr[3 * i + 1] & 0xff;
            double r = bgr[3 * i + 2] & 0xff;
            y[i] = clamp(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
        }
        for (int cy = 0; cy < h / 2; cy++) {
            for (int cx = 0; cx < w / 2; cx++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int p = 3 * ((2 * cy + dy) * w + 2 * cx + dx);
                        b += bgr[p] & 0xff;
                        g += bgr[p + 1] & 0xff;
                        r += bgr[p + 2] & 0xff;
                    }
                }
                r /= 4;
                g /= 4;
                b /= 4;
                u[cy * (w / 2) + cx] = clamp(128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255);
                v[cy * (w / 2) + cx] = clamp(128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255);
            }
        }
    }

    private static byte clamp(double x) {
        return (byte) Math.max(0, Math.min(255, Math.round(x)));
    }
}
