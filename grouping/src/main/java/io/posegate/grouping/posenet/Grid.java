package io.posegate.grouping.posenet;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.NonFinite;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Reads one map (planar or interleaved) by channel and cell, and samples it bilinearly as Coral's decoder
 * does; a sample from a cell holding NaN or an infinity (a broken network output) refuses the frame, naming
 * the cell. Rebound to each frame's map with {@link #bind}; one thread at a time.
 */
final class Grid {
    private final String role;
    private final List<String> names;
    private FloatBuffer data;
    private int height;
    private int width;
    private int channelStride;
    private int xStride;
    private int yStride;

    /**
     * @param role  the output role read, for errors
     * @param names the keypoint of each channel, or null when channels are not one keypoint's each
     */
    Grid(String role, List<String> names) {
        this.role = role;
        this.names = names;
    }

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
     *
     * @throws IllegalArgumentException naming a corner cell that is NaN or infinite
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
        float v = (1 - ly) * top + ly * bottom;
        if (!Float.isFinite(v)) {
            requireFinite(c, y0, x0);
            requireFinite(c, y0, x1);
            requireFinite(c, y1, x0);
            requireFinite(c, y1, x1);
        }
        return v;
    }

    /** @throws IllegalArgumentException naming (c, y, x) when its value is NaN or infinite */
    void requireFinite(int c, int y, int x) {
        float v = at(c, y, x);
        if (!Float.isFinite(v)) {
            throw NonFinite.at(role, c, names == null ? null : names.get(c), y, x, v);
        }
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
