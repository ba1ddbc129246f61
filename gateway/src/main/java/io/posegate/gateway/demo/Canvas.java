package io.posegate.gateway.demo;

/**
 * Paints filled shapes into a packed-BGR picture (stride = width * 3). A pixel is painted when its
 * centre (x + 0.5, y + 0.5) lies inside the shape: hard edges, no anti-aliasing, so every painted
 * pixel has exactly the shape's colour. Not thread-safe.
 */
final class Canvas {
    private final byte[] bgr;
    private final int width;
    private final int height;

    Canvas(byte[] bgr, int width, int height) {
        if (bgr.length < width * height * 3) {
            throw new IllegalArgumentException("picture of " + bgr.length + " bytes is too small for " + width + "x" + height);
        }
        this.bgr = bgr;
        this.width = width;
        this.height = height;
    }

    void fill(Shape s, int blue, int green, int red) {
        double hw = s.halfWidth();
        int x0 = Math.max(0, (int) Math.floor(Math.min(s.ax(), s.bx()) - hw));
        int x1 = Math.min(width - 1, (int) Math.ceil(Math.max(s.ax(), s.bx()) + hw));
        int y0 = Math.max(0, (int) Math.floor(Math.min(s.ay(), s.by()) - hw));
        int y1 = Math.min(height - 1, (int) Math.ceil(Math.max(s.ay(), s.by()) + hw));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (s.distanceTo(x + 0.5, y + 0.5) <= hw) {
                    put(x, y, blue, green, red);
                }
            }
        }
    }

    void put(int x, int y, int blue, int green, int red) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int i = (y * width + x) * 3;
        bgr[i] = (byte) blue;
        bgr[i + 1] = (byte) green;
        bgr[i + 2] = (byte) red;
    }

    /** Writes {@code text} (only the letters of {@link #GLYPHS}) with 5x7 glyphs scaled by {@code scale}. */
    void label(String text, int left, int top, int scale, int grey) {
        for (int c = 0; c < text.length(); c++) {
            int[] rows = glyph(text.charAt(c));
            for (int row = 0; row < 7; row++) {
                for (int col = 0; col < 5; col++) {
                    if ((rows[row] >> (4 - col) & 1) != 0) {
                        for (int dy = 0; dy < scale; dy++) {
                            for (int dx = 0; dx < scale; dx++) {
                                put(left + (c * 6 + col) * scale + dx, top + row * scale + dy, grey, grey, grey);
                            }
                        }
                    }
                }
            }
        }
    }

    static final String GLYPHS = "DEMO";

    /** A plain wall over a floor, every blue value at most 120 so that nothing resembles a joint marker. */
    static byte[] backdrop(int width, int height) {
        byte[] bgr = new byte[width * height * 3];
        int horizon = (int) (height * 0.55);
        for (int y = 0; y < height; y++) {
            boolean floor = y >= horizon;
            double t = floor ? (y - horizon) / (double) Math.max(1, height - horizon) : y / (double) horizon;
            int b = floor ? (int) (70 + 30 * t) : (int) (110 - 25 * t);
            int g = floor ? (int) (80 + 35 * t) : (int) (95 - 20 * t);
            int r = floor ? (int) (85 + 35 * t) : (int) (80 - 15 * t);
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                bgr[i] = (byte) b;
                bgr[i + 1] = (byte) g;
                bgr[i + 2] = (byte) r;
            }
        }
        return bgr;
    }

    private static int[] glyph(char c) {
        return switch (c) {
            case 'D' -> new int[] {0b11110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11110};
            case 'E' -> new int[] {0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111};
            case 'M' -> new int[] {0b10001, 0b11011, 0b10101, 0b10101, 0b10001, 0b10001, 0b10001};
            case 'O' -> new int[] {0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110};
            default -> throw new IllegalArgumentException("no glyph for '" + c + "'; known: " + GLYPHS);
        };
    }
}
