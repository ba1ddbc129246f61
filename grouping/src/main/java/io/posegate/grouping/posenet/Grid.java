package io.posegate.grouping.posenet;

import io.posegate.grouping.FeatureMap;
import java.nio.FloatBuffer;

/**
 * Reads one map (planar or interleaved) by channel and cell, and samples it bilinearly as Coral's decoder
 * does. Rebound to each frame's map with {@link #bind}; one thread at a time.
 */
final class Grid {
    private FloatBuffer data;
    private int height;
    private int width;
    private int channelStride;
    private int xStride;
    private int yStride;

    void bind(FeatureMap m) {
        data = m.data();
        height = m.height();
        width = m.width();
        channelStride = m.channelStride();
        xStride = m.xStride();
        yStride = m.width() * m.xStride();
    }

    float at(int c, int y, int x) {
        return data.get(c * channelStride + y * yStride + x * xStride);
    }

    /**
     * Bilinear sample of channel c at (y, x) in cells. Like Coral's BuildLinearInterpolation, the corner
     * cells come from the position clamped to the grid and the weight from the unclamped position.
     */
    float sample(int c, float y, float x) {
        float yc = clamp(y, 0f, height - 1f);
        float xc = clamp(x, 0f, width - 1f);
        int y0 = (int) Math.floor(yc);
        int y1 = (int) Math.ceil(yc);
        int x0 = (int) Math.floor(xc);
        int x1 = (int) Math.ceil(xc);
        float ly = y - y0;
        float lx = x - x0;
        float top = (1 - lx) * at(c, y0, x0) + lx * at(c, y0, x1);
        float bottom = (1 - lx) * at(c, y1, x0) + lx * at(c, y1, x1);
        return (1 - ly) * top + ly * bottom;
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    static float clamp(float v, float lo, float hi) {
        return v < lo ? lo : hi < v ? hi : v;
    }
}
