package io.posegate.grouping.trtpose;

/** Per-channel peaks of one frame: up to M per channel, in raster order, as trt_pose lays them out. */
final class PeakTable {
    final int channels;
    final int maxPeaks;
    final int[] counts;
    final int[] rows;
    final int[] cols;
    /** Refined position in heatmap pixels (before trt_pose's division by H and W). */
    final float[] pixelY;
    final float[] pixelX;
    /** Refined position normalised to [0, 1] exactly as trt_pose's refine_peaks outputs it. */
    final float[] normY;
    final float[] normX;
    final float[] values;

    PeakTable(int channels, int maxPeaks) {
        this.channels = channels;
        this.maxPeaks = maxPeaks;
        int n = channels * maxPeaks;
        counts = new int[channels];
        rows = new int[n];
        cols = new int[n];
        pixelY = new float[n];
        pixelX = new float[n];
        normY = new float[n];
        normX = new float[n];
        values = new float[n];
    }
}
