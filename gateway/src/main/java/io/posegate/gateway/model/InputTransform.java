package io.posegate.gateway.model;

import io.posegate.grouping.Poses;

/**
 * How a source picture was placed into the model input: input = source * scale + pad, per axis, with
 * pixel i spanning [i, i+1) on both sides. Used to map keypoints back to source pixels.
 */
public record InputTransform(float scaleX, float scaleY, float padX, float padY) {
    public float toSourceX(float inputX) {
        return (inputX - padX) / scaleX;
    }

    public float toSourceY(float inputY) {
        return (inputY - padY) / scaleY;
    }

    /** Maps {@code poses}' keypoints from model-input pixels back to source pixels. */
    public void toSource(Poses poses) {
        poses.transform(1f / scaleX, -padX / scaleX, 1f / scaleY, -padY / scaleY);
    }

    /**
     * Computes the placement of a {@code srcW x srcH} picture into a {@code dstW x dstH} input.
     */
    public static InputTransform of(InputSpec.ResizePolicy policy, int srcW, int srcH, int dstW, int dstH) {
        if (policy == InputSpec.ResizePolicy.STRETCH) {
            return new InputTransform((float) dstW / srcW, (float) dstH / srcH, 0f, 0f);
        }
        float s = Math.min((float) dstW / srcW, (float) dstH / srcH);
        int w = Math.round(srcW * s);
        int h = Math.round(srcH * s);
        return new InputTransform(s, s, (dstW - w) / 2, (dstH - h) / 2);
    }
}
