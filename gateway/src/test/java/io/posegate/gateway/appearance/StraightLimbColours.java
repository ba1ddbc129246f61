package io.posegate.gateway.appearance;

import io.posegate.gateway.model.InputSpec;
import io.posegate.grouping.LimbParts;
import io.posegate.grouping.Poses;
import io.posegate.grouping.Topology;
import io.posegate.spi.Tensor;

/**
 * The straightforward computation {@link LimbColours} must match bit for bit: every sample in the picture is
 * tested against every present keypoint of every person whose box, widened by the clearance radius, holds it
 * (the sampler as first written, before {@link Clearance} gathered the candidates per limb). Test only.
 */
public final class StraightLimbColours {
    private final LimbParts parts;
    private final InputPixels pixels;
    private float[] box = new float[0];

    public StraightLimbColours(Topology topology, InputSpec spec, Tensor input) {
        this.parts = LimbParts.of(topology);
        this.pixels = new InputPixels(spec, input);
    }

    public void sample(Poses poses) {
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
        float clear = LimbColours.CLEARANCE * (float) Math.sqrt(dx * dx + dy * dy);
        float blue = 0;
        float green = 0;
        float red = 0;
        int used = 0;
        for (int s = 0; s < LimbColours.SAMPLES; s++) {
            float t = 0.4f + 0.2f * s / (LimbColours.SAMPLES - 1);
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
        if (used >= LimbColours.MIN_SAMPLES) {
            LimbParts.colour(poses, p, i, blue / used, green / used, red / used);
        }
    }

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
