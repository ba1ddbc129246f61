package io.posegate.gateway.pipeline;

import io.posegate.gateway.ingest.DecodeSize;
import io.posegate.gateway.model.InputSpec;

/**
 * The size a decoder should scale a stream's pictures to so that the model's pre-processing has nothing
 * left to shrink: the letterboxed picture's inner size (aspect kept) or, for a stretching model, the
 * input size. Pictures already smaller than that keep their size (scaling up while decoding gains nothing).
 */
final class ModelFit {
    private ModelFit() {
    }

    static DecodeSize of(InputSpec spec, int width, int height) {
        int dw = spec.width();
        int dh = spec.height();
        if (spec.resize() == InputSpec.ResizePolicy.STRETCH) {
            return new DecodeSize(Math.min(width, dw), Math.min(height, dh));
        }
        double s = Math.min((double) dw / width, (double) dh / height);
        if (s >= 1) {
            return new DecodeSize(width, height);
        }
        return new DecodeSize(Math.max(1, Math.min(dw, (int) Math.round(width * s))), Math.max(1, Math.min(dh, (int) Math.round(height * s))));
    }
}
