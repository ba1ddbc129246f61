package io.posegate.gateway.model;

/** Where the channel axis of an image-like tensor sits: planar ({@code NCHW}) or interleaved ({@code NHWC}). */
public enum TensorLayout {
    /** [N, C, H, W]: one plane per channel. */
    NCHW,
    /** [N, H, W, C]: the channels of a pixel side by side (TFLite, TensorFlow). */
    NHWC
}
