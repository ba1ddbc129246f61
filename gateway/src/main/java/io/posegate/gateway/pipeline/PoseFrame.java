package io.posegate.gateway.pipeline;

import io.posegate.gateway.ingest.SourceState;
import java.util.List;

/**
 * One processed frame of one stream: the unit published on the event bus and sent to clients.
 * Built on the inference worker; small and immutable, so it crosses to the event loop cheaply.
 * The JSON form is documented in {@code docs/wire-format.md} ({@link PoseFrameJson}).
 */
public record PoseFrame(String stream, long seq, long captureEpochMillis, int width, int height, String model,
                        String backend, boolean demo, SourceState state, Latency latency, long dropped,
                        List<String> keypointNames, List<Person> people, String topology) {

    /** A frame whose topology name is not known. */
    public PoseFrame(String stream, long seq, long captureEpochMillis, int width, int height, String model, String backend,
                     boolean demo, SourceState state, Latency latency, long dropped, List<String> keypointNames,
                     List<Person> people) {
        this(stream, seq, captureEpochMillis, width, height, model, backend, demo, state, latency, dropped, keypointNames,
                people, null);
    }

    /** A person in source pixels; {@code keypoints[k]} is null when absent. id is -1 when untracked. */
    public record Person(int id, float score, Keypoint[] keypoints) {
    }

    public record Keypoint(float x, float y, float score) {
    }
}
