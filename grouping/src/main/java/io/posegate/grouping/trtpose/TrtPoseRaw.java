package io.posegate.grouping.trtpose;

/**
 * trt_pose's own parse output of one frame, as its Python {@code ParseObjects} returns it for a batch of
 * one: peaks per channel, refined peaks normalised to [0, 1] as [y, x], and objects as a peak index per
 * channel or -1. A copy, made on request (not on the per-frame path).
 *
 * @param peakCounts      [C]
 * @param normalizedPeaks [C][peakCounts[c]] = {y, x}
 * @param objects         [objectCount][C], a peak index or -1
 */
public record TrtPoseRaw(int[] peakCounts, float[][][] normalizedPeaks, int[][] objects) {
    static TrtPoseRaw of(PeakTable peaks, PartConnector connector, int channels, int maxPeaks) {
        int[] counts = java.util.Arrays.copyOf(peaks.counts, channels);
        float[][][] norm = new float[channels][][];
        for (int c = 0; c < channels; c++) {
            norm[c] = new float[counts[c]][];
            for (int i = 0; i < counts[c]; i++) {
                int at = c * maxPeaks + i;
                norm[c][i] = new float[] {peaks.normY[at], peaks.normX[at]};
            }
        }
        int[][] objects = new int[connector.objectCount][];
        for (int o = 0; o < objects.length; o++) {
            objects[o] = java.util.Arrays.copyOfRange(connector.objects, o * channels, (o + 1) * channels);
        }
        return new TrtPoseRaw(counts, norm, objects);
    }
}
