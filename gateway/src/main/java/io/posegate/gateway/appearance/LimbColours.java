package io.posegate.gateway.appearance;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.model.InputSpec;
import io.posegate.grouping.LimbParts;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topology;
import io.posegate.spi.Tensor;

/**
 * Samples each grouped person's appearance from the model's input picture: for every limb part
 * ({@link LimbParts}) whose two ends are present, the mean colour of {@value #SAMPLES} pixels on the limb's
 * axis at 40 to 60 % of its length, never at a joint. A sample that comes within {@value #CLEARANCE} of the
 * limb's length of any present keypoint of anyone in the frame is skipped (in the demo scene the joint
 * markers' colours encode the person; here no sample can touch a marker), and a part with fewer than
 * {@value #MIN_SAMPLES} samples left has no colour. Works in model-input pixels, so it must run after
 * grouping and before people are mapped to source pixels, while the input tensor still holds this frame.
 *
 * <p>Allocates nothing per frame. Not thread-safe: one per input tensor (worker).
 */
public final class LimbColours {
    static final int SAMPLES = 5;
    static final int MIN_SAMPLES = 3;
    static final float CLEARANCE = 0.35f;
    private final LimbParts parts;
    private final InputPixels pixels;
    private float[] box = new float[0];

    /** A sampler of {@code topology}'s limb parts on {@code input} (of {@code spec}'s shape). */
    public LimbColours(Topology topology, InputSpec spec, Tensor input) {
        this.parts = LimbParts.of(requireNonNull(topology, "topology is null"));
        this.pixels = new InputPixels(spec, input);
    }

    /** Appearance parts per person: what the {@link Poses} given to {@link #sample} must hold. */
    public int parts() {
        return parts.count();
    }

    /** Writes every person's limb colours into {@code poses} (people in model-input pixels). */
    public void sample(Poses poses) {
        if (parts.count() == 0 || poses.appearanceParts() != parts.count()) {
            return;
        }
        int n = poses.count();
        if (box.length < 4 * n) {
            box = new float[4 * poses.capacity()];
        }
        for (int p = 0; p < n; p++) {
            bounds(poses, p);
        }
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < parts.count(); i++) {
                part(poses, p, i);
            }
        }
    }

    private void part(Poses poses, int p, int i) {
        int a = parts.from(i);
        int b = parts.to(i);
        poses.clearColour(p, i);
        if (!poses.present(p, a) || !poses.present(p, b)) {
            return;
        }
        float ax = poses.x(p, a);
        float ay = poses.y(p, a);
        float dx = poses.x(p, b) - ax;
        float dy = poses.y(p, b) - ay;
        float clear = CLEARANCE * (float) Math.sqrt(dx * dx + dy * dy);
        float blue = 0;
        float green = 0;
        float red = 0;
        int used = 0;
        for (int s = 0; s < SAMPLES; s++) {
            float t = 0.4f + 0.2f * s / (SAMPLES - 1);
            float x = ax + t * dx;
            float y = ay + t * dy;
            int px = (int) Math.floor(x);
            int py = (int) Math.floor(y);
            if (px < 0 || py < 0 || px >= pixels.width() || py >= pixels.height() || nearKeypoint(poses, x, y, clear)) {
                continue;
            }
            blue += pixels.value(px, py, 0);
            green += pixels.value(px, py, 1);
            red += pixels.value(px, py, 2);
            used++;
        }
        if (used >= MIN_SAMPLES) {
            LimbParts.colour(poses, p, i, blue / used, green / used, red / used);
        }
    }

    /** Whether any present keypoint of any person lies within {@code r} of (x, y). */
    private boolean nearKeypoint(Poses poses, float x, float y, float r) {
        float r2 = r * r;
        for (int q = 0; q < poses.count(); q++) {
            if (x < box[4 * q] - r || x > box[4 * q + 2] + r || y < box[4 * q + 1] - r || y > box[4 * q + 3] + r) {
                continue;
            }
            for (int k = 0; k < poses.keypointCount(); k++) {
                if (poses.present(q, k)) {
                    float ex = poses.x(q, k) - x;
                    float ey = poses.y(q, k) - y;
                    if (ex * ex + ey * ey < r2) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void bounds(Poses poses, int p) {
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int k = 0; k < poses.keypointCount(); k++) {
            if (poses.present(p, k)) {
                minX = Math.min(minX, poses.x(p, k));
                maxX = Math.max(maxX, poses.x(p, k));
                minY = Math.min(minY, poses.y(p, k));
                maxY = Math.max(maxY, poses.y(p, k));
            }
        }
        box[4 * p] = minX;
        box[4 * p + 1] = minY;
        box[4 * p + 2] = maxX;
        box[4 * p + 3] = maxY;
    }
}
