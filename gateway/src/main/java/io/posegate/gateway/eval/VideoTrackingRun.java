package io.posegate.gateway.eval;

import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.pipeline.FrameProcessor;
import io.posegate.grouping.tracking.KeypointSigmas;
import io.posegate.grouping.tracking.MultiPersonTracker;
import java.io.IOException;

/**
 * A video without ground truth through the frame pipeline and a tracker: counts distinct ids and people
 * per frame. Frame n is stamped at n / fps (the video's own rate, whatever the decoding speed). Runs on
 * the calling thread; opens and closes the source.
 */
public final class VideoTrackingRun {
    private VideoTrackingRun() {
    }

    public static PeopleStats run(FrameSource source, int maxFrames, double fps, ModelRuntime runtime,
                                  MultiPersonTracker tracker) throws IOException, InterruptedException {
        float[] sigmas = KeypointSigmas.forNames(runtime.descriptor().topology().keypoints());
        FrameProcessor fp = new FrameProcessor(runtime.descriptor());
        VideoFrame frame = new VideoFrame();
        PeopleStats stats = new PeopleStats();
        source.open();
        try {
            for (long n = 0; n < maxFrames && source.read(frame); n++) {
                InputTransform t = fp.preprocess(frame);
                try (RuntimeLease lease = runtime.lease()) {
                    fp.inferAndGroup(lease, t);
                }
                tracker.update(fp.poses(), Math.round(n / fps * 1e9), sigmas);
                stats.add(fp.poses());
            }
        } finally {
            source.close();
        }
        return stats;
    }
}
