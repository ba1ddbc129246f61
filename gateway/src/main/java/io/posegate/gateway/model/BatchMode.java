package io.posegate.gateway.model;

/**
 * Whether a model runs several frames at once, as its descriptor says ({@code batch:}). Batching also
 * needs {@code inference.batch.maxSize} above 1 in the gateway's config and a backend that batches.
 */
public enum BatchMode {
    /** The default: batches when the model file's first input dimension is dynamic, else one frame at a time. */
    AUTO,
    /** The model has a dynamic batch dimension: opening it where it cannot batch is an error naming why. */
    DYNAMIC,
    /** Never batches, whatever the model file and the config say. */
    NONE
}
