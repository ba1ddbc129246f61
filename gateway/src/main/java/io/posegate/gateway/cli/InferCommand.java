package io.posegate.gateway.cli;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.gateway.backend.ModelRuntime;
import io.posegate.gateway.backend.RuntimeLease;
import io.posegate.gateway.ingest.BgrConverter;
import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import io.posegate.gateway.model.InputTransform;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.pipeline.FrameProcessor;
import io.posegate.gateway.pipeline.Latency;
import io.posegate.gateway.pipeline.PoseFrameJson;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code posegate infer}: one image through the whole pipeline, printed as one pose frame (the WebSocket schema). */
@Command(name = "infer", description = "Run one image and print one pose frame as JSON.")
final class InferCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model descriptor name (in --models-dir) or path.")
    String model;

    @Mixin
    ModelOptions models;

    @Option(names = "--backend", defaultValue = "auto", description = "auto, or a backend name (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--option", description = "Backend option KEY=VALUE (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--image", required = true, description = "The image file (JPEG, PNG, BMP).")
    Path image;

    @Option(names = "--pretty", description = "Indent the JSON.")
    boolean pretty;

    @Override
    public Integer call() throws Exception {
        ModelDescriptor d = models.descriptor(model);
        VideoFrame frame = readImage(image);
        BackendRegistry registry = BackendRegistry.discover().configured(name -> d.optionsFor(name, options));
        long t0 = System.nanoTime();
        BackendProvider provider = registry.select(backend, d.format());
        try (ModelRuntime rt = ModelRuntime.open(d, provider, BackendOptions.of(d.optionsFor(provider.name(), options)))) {
            double openMs = (System.nanoTime() - t0) / 1e6;
            FrameProcessor fp = new FrameProcessor(d);
            long t1 = System.nanoTime();
            InputTransform t = fp.preprocess(frame);
            double pre = (System.nanoTime() - t1) / 1e6;
            double[] ig;
            try (RuntimeLease lease = rt.lease()) {
                ig = fp.inferAndGroup(lease, t);
            }
            Latency l = new Latency(frame.decodeMillis(), pre, ig[0], ig[1], frame.decodeMillis() + pre + ig[0] + ig[1]);
            var json = PoseFrameJson.toJson(fp.toFrame("image", 0, System.currentTimeMillis(), frame.width(), frame.height(),
                    rt.label(), SourceState.LIVE, l, 0)).put("openMs", Math.round(openMs * 10) / 10.0);
            spec.commandLine().getOut().println(pretty ? json.encodePrettily() : json.encode());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    static VideoFrame readImage(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("image not found: " + file);
        }
        long t0 = System.nanoTime();
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException("not a readable image (JPEG, PNG, BMP, GIF): " + file);
        }
        VideoFrame frame = new VideoFrame();
        new BgrConverter(new TargetSize(0, 0)).convert(img, frame);
        frame.stamp(0, System.currentTimeMillis(), (System.nanoTime() - t0) / 1e6);
        return frame;
    }
}
