package io.posegate.grouping.tracking;

import io.posegate.grouping.Poses;

/**
 * Tests' comparison of two trackers' outputs for the same frame, as the shortcut tests need it: the same people
 * in the same order with the same ids, and every keypoint's score and position the same float, bit for bit.
 */
final class PublishedPoses {
    private PublishedPoses() {
    }

    static boolean same(Poses a, Poses b) {
        if (a.count() != b.count() || a.keypointCount() != b.keypointCount()) {
            return false;
        }
        for (int p = 0; p < a.count(); p++) {
            if (a.id(p) != b.id(p)) {
                return false;
            }
            for (int k = 0; k < a.keypointCount(); k++) {
                if (Float.floatToRawIntBits(a.score(p, k)) != Float.floatToRawIntBits(b.score(p, k))
                        || Float.floatToRawIntBits(a.x(p, k)) != Float.floatToRawIntBits(b.x(p, k))
                        || Float.floatToRawIntBits(a.y(p, k)) != Float.floatToRawIntBits(b.y(p, k))) {
                    return false;
                }
            }
        }
        return true;
    }
}
