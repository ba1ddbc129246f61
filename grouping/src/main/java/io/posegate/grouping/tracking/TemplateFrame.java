package io.posegate.grouping.tracking;

/**
 * Keeps a track's pose template in its frame over a long stream. The pose is anchor + size x offset, so
 * anchor, size and template are known only together: each observation measures anchor and size against the
 * template built from earlier ones and nothing pulls them back, while the keypoints not seen then keep their
 * old offsets. Over an hour both could drift without bound (the tracking bench's 20 people):
 * <ul>
 * <li>the size: a person 12 pixels tall held as 140 after gaps in the timestamps, whose predicted box,
 * spread by stale keypoints, then explained everyone;</li>
 * <li>the anchor: after 45,000 frames without gaps an anchor 1,000 pixels left of its person, the template's
 * offsets 29 sizes long, so that a 1 % error in the measured size moved the predicted pose by a third of the
 * person's size; the size then ran away (to 8,000 pixels) and 17 published people fell to 6.</li>
 * </ul>
 * So after each observation, when the template's extent (the larger side of its keypoints' box, 1 when the
 * track starts) has left [{@link #LOW}, {@link #HIGH}], the template is rescaled to extent 1 and the size by
 * the inverse; when the centre of that box is more than {@link #OFF_CENTRE} from the anchor (0 when the track
 * starts), the template is shifted back to centre 0 and the anchor by the same amount in pixels. Either way
 * the predicted pose stays where it was. Within the bands nothing changes. Stateless.
 */
final class TemplateFrame {
    static final double LOW = 0.5;
    static final double HIGH = 2.0;
    static final double OFF_CENTRE = 1.0;

    private TemplateFrame() {
    }

    /**
     * Brings track t's template back into the bands when it has left them, moving its motion state to match
     * (size by the inverse of the rescale, anchor by the shift); returns whether anything changed (the caller
     * then saves the motion state).
     *
     * <p>Whether anything changes is decided on the template's box in floats ({@code box}: minX, minY, maxX,
     * maxY, as {@link PoseFit#retemplate} finds it on its way, by compares from infinities): its bounds by
     * compares ({@link BoxSimilarity#min}, {@link BoxSimilarity#max}) are those {@code Math.min} and {@code Math.max}
     * give over the offsets widened to doubles, NaN included, but for the sign of a zero, which no test of the
     * extent or the centre sees. Math.min's signed-zero handling is a longer chain per keypoint, on every
     * matched track every frame. When something changes (rarely), {@link #normaliseExactly} computes the
     * change as it always did.
     */
    static boolean normalise(TrackTable tr, MotionModel motion, int t, float[] box) {
        // a bound left at its infinity (no offset, or all of them that infinity) is the double loop's start
        return !within(box[0] == Float.POSITIVE_INFINITY ? Double.MAX_VALUE : box[0],
                box[1] == Float.POSITIVE_INFINITY ? Double.MAX_VALUE : box[1],
                box[2] == Float.NEGATIVE_INFINITY ? -Double.MAX_VALUE : box[2],
                box[3] == Float.NEGATIVE_INFINITY ? -Double.MAX_VALUE : box[3]) && normaliseExactly(tr, motion, t);
    }

    /** Whether a template of this box is left as it is: no extent, or extent and centre within their bands. */
    private static boolean within(double minX, double minY, double maxX, double maxY) {
        double extent = Math.max(maxX - minX, maxY - minY);
        return !(extent > 1e-6) || scale(extent) == 1.0 && !offCentre((minX + maxX) / 2, (minY + maxY) / 2);
    }

    /** What the template is divided by: 1 while its extent is within [LOW, HIGH], else the extent. */
    private static double scale(double extent) {
        return extent >= LOW && extent <= HIGH ? 1.0 : extent;
    }

    /** Whether a centre (in template units after the rescale) is more than OFF_CENTRE from the anchor. */
    private static boolean offCentre(double cx, double cy) {
        return Math.abs(cx) > OFF_CENTRE || Math.abs(cy) > OFF_CENTRE;
    }

    /** {@link #normalise} as it was first written: box and change from the offsets widened to doubles. */
    static boolean normaliseExactly(TrackTable tr, MotionModel motion, int t) {
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
        if (within(minX, minY, maxX, maxY)) {
            return false;
        }
        double scale = scale(Math.max(maxX - minX, maxY - minY));
        double cx = (minX + maxX) / 2 / scale;
        double cy = (minY + maxY) / 2 / scale;
        boolean shift = offCentre(cx, cy);
        if (!shift) {
            cx = 0;
            cy = 0;
        }
        for (int i = t * k; i < (t + 1) * k; i++) {
            tr.ox[i] = (float) (tr.ox[i] / scale - cx);
            tr.oy[i] = (float) (tr.oy[i] / scale - cy);
        }
        if (scale != 1.0) {
            motion.scaleSize(t, scale);
        }
        if (shift) {
            double s = motion.size(t);
            motion.shift(t, cx * s, cy * s);
        }
        return true;
    }
}
