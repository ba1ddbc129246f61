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
    private final Clearance clearance = new Clearance();
    private final float[] xs = new float[SAMPLES];
    private final float[] ys = new float[SAMPLES];
    private long sampled;

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
        sampled++;
        clearance.gather(poses);
        for (int p = 0; p < poses.count(); p++) {
            for (int i = 0; i < parts.count(); i++) {
                part(poses, p, i);
            }
        }
    }

    /** How many frames this sampler has sampled (a frame whose people hold no appearance parts does not count). */
    public long sampledFrames() {
        return sampled;
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
        int skipped = 0;
        for (int s = 0; s < SAMPLES; s++) {
            float t = 0.4f + 0.2f * s / (SAMPLES - 1);
            xs[s] = ax + t * dx;
            ys[s] = ay + t * dy;
            int px = (int) Math.floor(xs[s]);
            int py = (int) Math.floor(ys[s]);
            if (px < 0 || py < 0 || px >= pixels.width() || py >= pixels.height()) {
                skipped |= 1 << s;
            }
        }
        skipped = clearance.skipped(xs, ys, SAMPLES, clear, skipped, SAMPLES - MIN_SAMPLES);
        int used = SAMPLES - Integer.bitCount(skipped);
        if (used < MIN_SAMPLES) {
            return;
        }
        float blue = 0;
        float green = 0;
        float red = 0;
        for (int s = 0; s < SAMPLES; s++) {
            if ((skipped & (1 << s)) == 0) {
                int px = (int) Math.floor(xs[s]);
                int py = (int) Math.floor(ys[s]);
                blue += pixels.value(px, py, 0);
                green += pixels.value(px, py, 1);
                red += pixels.value(px, py, 2);
            }
        }
        LimbParts.colour(poses, p, i, blue / used, green / used, red / used);
    }
}
