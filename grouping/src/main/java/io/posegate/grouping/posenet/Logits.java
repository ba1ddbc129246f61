package io.posegate.grouping.posenet;

/** Conversions between logits and probabilities, in float as Coral's decoder does them. */
final class Logits {
    private Logits() {
    }

    static float sigmoid(float v) {
        return 1f / (1f + (float) Math.exp(-v));
    }

    static float logodds(float p) {
        return (float) -Math.log(1.0 / (p + 1e-6) - 1.0);
    }
}
