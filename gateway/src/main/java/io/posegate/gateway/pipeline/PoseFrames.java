package io.posegate.gateway.pipeline;

import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.grouping.Poses;
import java.util.ArrayList;
import java.util.List;

/** Builds the published {@link PoseFrame} of a frame's people, as {@link FrameProcessor#toFrame} gives it. */
final class PoseFrames {
    private PoseFrames() {
    }

    /** The frame of {@code poses} (in source pixels) found by {@code descriptor}'s model. */
    static PoseFrame of(ModelDescriptor descriptor, Poses poses, String stream, long seq, long captureMillis, int width,
                        int height, String backend, SourceState state, Latency latency, long dropped) {
        List<PoseFrame.Person> people = new ArrayList<>(poses.count());
        int k = poses.keypointCount();
        for (int p = 0; p < poses.count(); p++) {
            PoseFrame.Keypoint[] kps = new PoseFrame.Keypoint[k];
            for (int i = 0; i < k; i++) {
                if (poses.present(p, i)) {
                    kps[i] = new PoseFrame.Keypoint(poses.x(p, i), poses.y(p, i), poses.score(p, i));
                }
            }
            people.add(new PoseFrame.Person(poses.id(p), poses.personScore(p), kps));
        }
        return new PoseFrame(stream, seq, captureMillis, width, height, descriptor.name(),
                backend, descriptor.demo(), state, latency, dropped, descriptor.topology().keypoints(), people,
                descriptor.topology().name());
    }
}
