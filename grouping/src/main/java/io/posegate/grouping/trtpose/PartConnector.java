package io.posegate.grouping.trtpose;

import java.util.Arrays;

/**
 * trt_pose's connect_parts: a breadth-first walk over the assigned limbs, channel by channel and peak by
 * peak, turns each connected component into one object (at most P). Where a component reaches two peaks
 * of one channel, the later one wins, as in trt_pose.
 */
final class PartConnector {
    private final int channels;
    private final int maxPeaks;
    private final int maxObjects;
    private final int[] limbFrom;
    private final int[] limbTo;
    private final int[] visited;
    private final int[] queueChannel;
    private final int[] queuePeak;
    /** objects[o * C + c] = peak index of channel c in object o, or -1. */
    final int[] objects;
    int objectCount;

    PartConnector(int channels, int maxPeaks, int maxObjects, int[] limbFrom, int[] limbTo) {
        this.channels = channels;
        this.maxPeaks = maxPeaks;
        this.maxObjects = maxObjects;
        this.limbFrom = limbFrom;
        this.limbTo = limbTo;
        this.visited = new int[channels * maxPeaks];
        int queue = 1 + 2 * limbFrom.length * maxPeaks + channels * maxPeaks;
        this.queueChannel = new int[queue];
        this.queuePeak = new int[queue];
        this.objects = new int[maxObjects * channels];
    }

    /** @param connections [K][2][M]: [k][0][a] = b and [k][1][b] = a for each assigned pair, else -1 */
    void connect(int[] connections, int[] counts) {
        Arrays.fill(visited, 0);
        Arrays.fill(objects, -1);
        int found = 0;
        for (int c = 0; c < channels && found < maxObjects; c++) {
            for (int i = 0; i < counts[c] && found < maxObjects; i++) {
                if (walk(c, i, found, connections)) {
                    found++;
                }
            }
        }
        objectCount = found;
    }

    private boolean walk(int c, int i, int object, int[] connections) {
        int head = 0;
        int tail = 0;
        queueChannel[tail] = c;
        queuePeak[tail++] = i;
        boolean any = false;
        while (head < tail) {
            int cn = queueChannel[head];
            int in = queuePeak[head++];
            if (visited[cn * maxPeaks + in] != 0) {
                continue;
            }
            visited[cn * maxPeaks + in] = 1;
            any = true;
            objects[object * channels + cn] = in;
            for (int k = 0; k < limbFrom.length; k++) {
                int base = k * 2 * maxPeaks;
                if (limbFrom[k] == cn && connections[base + in] >= 0) {
                    queueChannel[tail] = limbTo[k];
                    queuePeak[tail++] = connections[base + in];
                }
                if (limbTo[k] == cn && connections[base + maxPeaks + in] >= 0) {
                    queueChannel[tail] = limbFrom[k];
                    queuePeak[tail++] = connections[base + maxPeaks + in];
                }
            }
        }
        return any;
    }
}
