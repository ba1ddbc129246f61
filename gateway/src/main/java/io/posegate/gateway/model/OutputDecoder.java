package io.posegate.gateway.model;

import io.posegate.grouping.Poses;
import io.posegate.spi.InferenceResult;

/**
 * Turns a model's raw outputs into people, in the model input's output-map space (cell i spans
 * [i, i+1)). One strategy per model family, named by the descriptor's {@code output.decoder}; the
 * PAF family is {@link PafDecoder}. Other families (PoseNet offsets and displacements, associative
 * embedding tags, single-person heatmaps) are further implementations reading their own tensor roles.
 *
 * <p>Not thread-safe: one instance per inference worker, reusing its workspace.
 */
public interface OutputDecoder {
    /**
     * Decodes one frame into {@code out} (cleared first).
     *
     * @throws IllegalArgumentException if an output's shape does not fit the descriptor, naming it
     */
    void decode(InferenceResult result, Poses out);
}
