package io.posegate.gateway.eval;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.ingest.ffmpeg.FfmpegInputs;
import io.posegate.gateway.ingest.ffmpeg.FfmpegSource;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.pipeline.FrameProcessor;
import io.posegate.grouping.tracking.KeypointSigmas;
import io.posegate.grouping.tracking.MultiPersonTracker;
import io.posegate.spi.BackendOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tracking cost against grouping cost on a real network's maps: human-pose-estimation-0001 (ONNX) on the
 * first N frames of shared/media/vtest.avi, outputs kept; then passes over them, each frame grouped by
 * the gateway's own {@link FrameProcessor#group} (once untimed, so its maps are in the cache as the
 * inference's copy leaves them, then timed) and tracked right after by the gateway's tracker, both timed
 * by this thread's CPU time. Prints the medians over the second half of the passes. Not a test; run from the
 * repository root with
 * {@code java -cp gateway/target/posegate.jar:gateway/target/test-classes io.posegate.gateway.eval.RealTrackingCost SHARED 150 200}
 * (at least a few thousand tracker updates in all: the tracker's update runs once per frame, so C2 compiles it late).
 */
public final class RealTrackingCost {
    private RealTrackingCost() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        int frames = Integer.parseInt(args[1]);
        int passes = Integer.parseInt(args[2]);
        ModelDescriptor d = ModelDescriptors.resolve("human-pose-estimation-0001", Path.of("config/models"))
                .withModelFile(shared.resolve("models/human-pose-estimation-0001/human-pose-estimation-0001.onnx"));
        FrameProcessor[] fps = new FrameProcessor[frames];
        InputTransform[] placements = new InputTransform[frames];
        int n = 0;
        try (ModelRuntime rt = ModelRuntime.open(d, BackendRegistry.discover().select("auto", d.format()), BackendOptions.empty())) {
            SourceSpec s = SourceSpec.of("file:" + shared.resolve("media/vtest.avi") + "#pace=fast");
            FrameSource source = new FfmpegSource(FfmpegInputs.of(s, IngestPolicy.defaults()), TargetSize.of(s), 0);
            VideoFrame frame = new VideoFrame();
            source.open();
            try {
                for (; n < frames && source.read(frame); n++) {
                    fps[n] = new FrameProcessor(d);
                    placements[n] = fps[n].preprocess(frame);
                    try (RuntimeLease lease = rt.lease()) {
                        fps[n].infer(lease);
                    }
                }
            } finally {
                source.close();
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        float[] sigmas = KeypointSigmas.forNames(d.topology().keypoints());
        MultiPersonTracker tracker = TrackerKind.TRACKER.create(d);
        double[] grouping = new double[passes];
        double[] tracking = new double[passes];
        long detections = 0;
        long published = 0;
        long tick = 0;
        for (int pass = 0; pass < passes; pass++) {
            long g = 0;
            long t = 0;
            for (int i = 0; i < n; i++) {
                fps[i].group(placements[i]);
                long t0 = threads.getCurrentThreadCpuTime();
                fps[i].group(placements[i]);
                long t1 = threads.getCurrentThreadCpuTime();
                detections += fps[i].poses().count();
                long t2 = threads.getCurrentThreadCpuTime();
                tracker.update(fps[i].poses(), Math.round(tick++ / 10.0 * 1e9), sigmas);
                long t3 = threads.getCurrentThreadCpuTime();
                published += fps[i].poses().count();
                g += t1 - t0;
                t += t3 - t2;
            }
            grouping[pass] = g / 1e3 / n;
            tracking[pass] = t / 1e3 / n;
        }
        double gm = lateMedian(grouping);
        double tm = lateMedian(tracking);
        System.out.printf("vtest.avi, %d frames x %d passes: %.2f detections and %.2f published people per frame;"
                        + " grouping %.1f us, tracking %.2f us per frame, tracking / grouping %.1f %%%n",
                n, passes, detections / (double) (n * passes), published / (double) (n * passes), gm, tm, 100 * tm / gm);
    }

    private static double lateMedian(double[] perPass) {
        double[] late = Arrays.copyOfRange(perPass, perPass.length / 2, perPass.length);
        Arrays.sort(late);
        return late[late.length / 2];
    }
}
