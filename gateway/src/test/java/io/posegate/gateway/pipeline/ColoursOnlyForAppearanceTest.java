package io.posegate.gateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.spi.BackendOptions;
import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.demo.DemoScene;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.launch.GatewayLauncher;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.gateway.testing.Await;
import io.posegate.grouping.Poses;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * People's limb colours are sampled only for a frame whose stream's tracker uses them: with tracking and
 * {@code tracking.appearance} both on. Otherwise the sampler does not run at all; when it runs, the
 * colours are those the always-sampling path gives.
 */
class ColoursOnlyForAppearanceTest {
    private static final Path CONFIG_DIR = Path.of("..", "config").toAbsolutePath().normalize();

    private static GatewayConfig config(boolean tracking, boolean appearance) {
        JsonObject json = new JsonObject().put("model", "demo-simulated")
                .put("tracking", new JsonObject().put("enabled", tracking).put("appearance", appearance))
                .put("streams", new JsonObject().put("walkers", new JsonObject().put("source", "demo:?people=4&fps=30")));
        return GatewayConfigs.parse(json, CONFIG_DIR);
    }

    @Test
    void aStreamsTrackerUsesAppearanceOnlyWhenTrackingAndAppearanceAreOn() {
        ModelDescriptor d = GatewayLauncher.descriptor(config(true, true));
        assertTrue(GroupingTrackers.from(config(true, true).tracking()).create(d).usesAppearance());
        assertFalse(GroupingTrackers.from(config(true, false).tracking()).create(d).usesAppearance());
        assertFalse(GroupingTrackers.from(config(false, true).tracking()).create(d).usesAppearance());
        assertFalse(((PoseTracker) (poses, millis) -> { }).usesAppearance(), "a tracker that does not say so uses none");
    }

    @Test
    void theProcessorSamplesOnlyWhenAskedAndThenGivesTheAlwaysSamplingPathsColours() throws Exception {
        ModelDescriptor d = ModelDescriptors.resolve("demo-simulated", CONFIG_DIR.resolve("models"));
        DemoScene scene = new DemoScene(640, 360, 8);
        FrameProcessor asked = new FrameProcessor(d);
        FrameProcessor always = new FrameProcessor(d);
        VideoFrame frame = new VideoFrame();
        int coloured = 0;
        try (ModelRuntime rt = ModelRuntime.open(d, BackendRegistry.discover().select("simulated", d.format()), BackendOptions.empty())) {
            for (long n = 0; n < 6; n++) {
                scene.render(n * 5, frame.reshape(scene.width(), scene.height()));
                InputTransform t = asked.preprocess(frame);
                InputTransform same = always.preprocess(frame);
                try (RuntimeLease lease = rt.lease()) {
                    asked.infer(lease);
                    always.inferAndGroup(lease, same);
                }
                asked.group(t, false);
                assertEquals(n, asked.colourSamples(), "frame " + n + ": not sampled when not asked");
                assertTrue(asked.poses().count() > 0, "frame " + n + " has people");
                assertEquals(0, colouredParts(asked.poses()), "frame " + n + ": no colours when not sampled");
                asked.group(t, true);
                assertEquals(n + 1, asked.colourSamples(), "frame " + n + ": sampled when asked");
                coloured += colouredParts(asked.poses());
                assertSameColours(always.poses(), asked.poses(), "frame " + n);
            }
        }
        assertTrue(coloured > 6 * 10, coloured + " parts coloured: the comparison is not empty");
    }

    @ParameterizedTest
    @CsvSource({"true, true", "true, false", "false, true"})
    void theGatewaySamplesAStreamsColoursOnlyWhenItsTrackerUsesThem(boolean tracking, boolean appearance) throws Exception {
        GatewayConfig cfg = config(tracking, appearance);
        AtomicInteger frames = new AtomicInteger();
        AtomicInteger colouredFrames = new AtomicInteger();
        TrackerFactory real = GroupingTrackers.from(cfg.tracking());
        TrackerFactory watching = d -> {
            PoseTracker t = real.create(d);
            return new PoseTracker() {
                @Override
                public void track(Poses poses, long captureEpochMillis) {
                    if (poses.count() > 0) {
                        frames.incrementAndGet();
                        colouredFrames.addAndGet(colouredParts(poses) > 0 ? 1 : 0);
                    }
                    t.track(poses, captureEpochMillis);
                }

                @Override
                public boolean usesAppearance() {
                    return t.usesAppearance();
                }
            };
        };
        Gateway g = new Gateway(cfg, GatewayLauncher.descriptor(cfg), new BackendRegistry(List.of(new SimulatedBackendProvider())),
                GatewayLauncher.sources(cfg, new WebcamHub(IngestPolicy.defaults().webcam())), watching, f -> { }, (id, s) -> { });
        try {
            g.start();
            Await.until(() -> frames.get() >= 15, Await.PATIENCE, () -> "15 frames with people; got " + frames.get());
        } finally {
            g.close();
        }
        String what = colouredFrames + " of " + frames + " frames had colours";
        if (tracking && appearance) {
            assertTrue(colouredFrames.get() >= frames.get() / 2, what);
        } else {
            assertEquals(0, colouredFrames.get(), what);
        }
    }

    private static int colouredParts(Poses poses) {
        int n = 0;
        for (int p = 0; p < poses.count(); p++) {
            for (int i = 0; i < poses.appearanceParts(); i++) {
                n += poses.hasColour(p, i) ? 1 : 0;
            }
        }
        return n;
    }

    private static void assertSameColours(Poses expected, Poses actual, String what) {
        assertEquals(expected.count(), actual.count(), what);
        for (int p = 0; p < expected.count(); p++) {
            for (int i = 0; i < expected.appearanceParts(); i++) {
                assertEquals(expected.hasColour(p, i), actual.hasColour(p, i), what + " person " + p + " part " + i);
                for (int c = 0; expected.hasColour(p, i) && c < Poses.COLOUR_CHANNELS; c++) {
                    assertEquals(expected.colour(p, i, c), actual.colour(p, i, c), what + " person " + p + " part " + i);
                }
            }
        }
    }
}
