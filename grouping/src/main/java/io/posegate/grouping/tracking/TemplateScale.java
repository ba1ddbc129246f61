package io.posegate.grouping.tracking;

/**
 * Keeps a track's size tied to its pose template over a long stream. The pose is anchor + size x offset, so
 * size and template are known only together: each observation measures the size against the template built
 * from earlier ones, nothing pulls it back, and a match to a detection of another shape, a mixed skeleton or
 * a gap in the timestamps moves it while the keypoints not seen then keep their old offsets. Over minutes
 * the size could drift without bound (the tracking bench's 20 people: a person 12 pixels tall held as 140,
 * whose predicted box, spread by stale keypoints, then explained everyone, so 17 published people fell to
 * 13). So after each observation, when the template's extent (the larger side of its keypoints' box, 1 when
 * the track starts) has left [{@link #LOW}, {@link #HIGH}], the template is rescaled to extent 1 and the
 * size by the inverse: the predicted pose stays where it was. Stateless.
 */
final class TemplateScale {
    static final double LOW = 0.5;
    static final double HIGH = 2.0;

    private TemplateScale() {
    }

    /**
     * Rescales track t's template to extent 1 when its extent is outside [LOW, HIGH]; returns the factor the
     * track's size must be multiplied by (1 when the template was left as it was).
     */
    static double normalise(TrackTable tr, int t) {
        int k = tr.keypoints;
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = t * k; i < (t + 1) * k; i++) {
            if (tr.has[i]) {
                minX = Math.min(minX, tr.ox[i]);
                maxX = Math.max(maxX, tr.ox[i]);
                minY = Math.min(minY, tr.oy[i]);
                maxY = Math.max(maxY, tr.oy[i]);
            }
        }
        double extent = Math.max(maxX - minX, maxY - minY);
        if (!(extent > 1e-6) || (extent >= LOW && extent <= HIGH)) {
            return 1.0;
        }
        for (int i = t * k; i < (t + 1) * k; i++) {
            tr.ox[i] = (float) (tr.ox[i] / extent);
            tr.oy[i] = (float) (tr.oy[i] / extent);
        }
        return extent;
    }
}
