package io.posegate.grouping.paf;

import io.posegate.grouping.FeatureMap;
import java.nio.FloatBuffer;

/** A reusable planar (CHW) copy of interleaved maps; planar maps pass through untouched. */
final class Planar {
    private float[] values = new float[0];
    private FeatureMap view;

    FeatureMap of(FeatureMap m) {
        if (m.layout() == FeatureMap.Layout.CHW) {
            return m;
        }
        int c = m.channels();
        int h = m.height();
        int w = m.width();
        int n = c * h * w;
        if (values.length < n) {
            values = new float[n];
            view = null;
        }
        if (view == null || view.channels() != c || view.height() != h || view.width() != w) {
            view = new FeatureMap(FloatBuffer.wrap(values), c, h, w);
        }
        FloatBuffer src = m.data();
        for (int p = 0; p < h * w; p++) {
            for (int k = 0; k < c; k++) {
                values[k * h * w + p] = src.get(p * c + k);
            }
        }
        return view;
    }
}
