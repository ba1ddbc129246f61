package io.posegate.grouping.openpose;

/**
 * All keypoint candidates of one frame, numbered globally channel after channel (the decoder's
 * keypoint ids): channel c holds ids {@code start[c] .. start[c] + count[c] - 1}.
 */
final class KeypointTable {
    final int[] start;
    final int[] count;
    final float[] x;
    final float[] y;
    final float[] score;
    int total;

    KeypointTable(int channels, int maxPeaks) {
        start = new int[channels];
        count = new int[channels];
        x = new float[channels * maxPeaks];
        y = new float[channels * maxPeaks];
        score = new float[channels * maxPeaks];
    }
}
