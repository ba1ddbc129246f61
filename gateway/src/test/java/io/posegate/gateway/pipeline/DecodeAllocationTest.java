package io.posegate.gateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.posegate.gateway.model.ModelDecoder;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.synth.TargetRenderer;
import io.posegate.spi.ElementType;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import io.posegate.spi.testing.SteadyStateAllocation;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A worker's per-frame path after the run, {@link HeldOutputs#copyFrom} and then {@link ModelDecoder#decode} over the
 * held copy, allocates nothing once warmed up: the role views are made once per held tensor, the names once per
 * result. Over human-pose-estimation-0001's descriptor with one person rendered into its outputs: "views" as
 * written (zero-copy channel ranges), "converted" with both roles in one tensor and a scale (values converted into
 * a reused array). Measured before: 992 and 416 bytes per frame (decode alone 384 and 160); now 0.
 */
class DecodeAllocationTest {
    private static final Path HPE_0001 = Path.of("..", "config", "models", "human-pose-estimation-0001.yaml");
    private static final float[][][] PERSON = {{{28.5f, 6.5f}, {28.5f, 9.5f}, {25.5f, 9.5f}, {24.5f, 14.5f}, {23.5f, 18.5f},
        {31.5f, 9.5f}, {32.5f, 14.5f}, {33.5f, 18.5f}, {26.5f, 19.5f}, {26.5f, 25.5f}, {26.5f, 30.5f}, {30.5f, 19.5f},
        {30.5f, 25.5f}, {30.5f, 30.5f}, {27.5f, 5.5f}, {29.5f, 5.5f}, {26.5f, 6.5f}, {30.5f, 6.5f}}};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"views", "converted"})
    void copyingAndDecodingAFrameAllocatesNothing(String which) throws Exception {
        boolean converted = which.equals("converted");
        ModelDescriptor d = converted ? concatenated() : ModelDescriptors.load(HPE_0001);
        InferenceResult run = converted ? oneTensor(d) : twoTensors(d);
        ModelDecoder decoder = new ModelDecoder(d);
        HeldOutputs held = new HeldOutputs();
        Poses poses = new Poses(18, 20);

        long copyAndDecode = SteadyStateAllocation.bytesPerFrame(() -> {
            held.copyFrom(run);
            decoder.decode(held, poses);
        }, 300, 10, 200);
        assertEquals(1, poses.count(), "the rendered person is found");
        long decodeAlone = SteadyStateAllocation.bytesPerFrame(() -> decoder.decode(held, poses), 300, 10, 200);
        System.out.println(which + ": copyFrom + decode " + copyAndDecode + " bytes per frame, decode alone " + decodeAlone);
        assertEquals(0, copyAndDecode, "bytes per frame of copyFrom + decode (" + which + ")");
        assertEquals(0, decodeAlone, "bytes per frame of decode alone (" + which + ")");
        assertEquals(PERSON[0][0][0] * 8, poses.x(0, 0), 0.51f * 8);
    }

    /**
     * As a worker sees a backend with two run slots and batches of 1 or 2: the results come in turn from either slot
     * and either batch size (four source tensors per output, two held views), and item 0 is decoded. Copy and decode
     * still allocate nothing: the copy's buffer views and the role views are kept per tensor for several tensors.
     * Before, only the last source, destination and (tensor, item) were kept, so every frame here made them anew.
     */
    @org.junit.jupiter.api.Test
    void slotsAndBatchSizesTakingTurnsAllocateNothing() {
        ModelDescriptor d = loadHpe();
        InferenceResult[] turns = new InferenceResult[4];
        int h = d.outputHeight();
        int w = d.outputWidth();
        for (int slot = 0; slot < 2; slot++) {
            Tensor hm = Tensor.allocate("Mconv7_stage2_L2", ElementType.FLOAT32, 2, 19, h, w);
            Tensor paf = Tensor.allocate("Mconv7_stage2_L1", ElementType.FLOAT32, 2, 38, h, w);
            new TargetRenderer(d.topology(), 1f, 1f).render(PERSON, new FeatureMap(hm.floats(), 19, h, w),
                    new FeatureMap(paf.floats(), 38, h, w));
            List<String> names = List.of(hm.name(), paf.name());
            turns[2 * slot] = new Outputs(Map.of(hm.name(), hm, paf.name(), paf), names);
            Tensor hm1 = hm.firstItems(1);
            Tensor paf1 = paf.firstItems(1);
            turns[2 * slot + 1] = new Outputs(Map.of(hm1.name(), hm1, paf1.name(), paf1), names);
        }
        ModelDecoder decoder = new ModelDecoder(d);
        HeldOutputs held = new HeldOutputs();
        Poses poses = new Poses(18, 20);
        int[] turn = {0};
        long perFrame = SteadyStateAllocation.bytesPerFrame(() -> {
            held.copyFrom(turns[turn[0]]);
            decoder.decode(held, 0, poses);
            turn[0] = (turn[0] + 1) % turns.length;
        }, 300, 10, 200);
        System.out.println("slots and batch sizes taking turns: copyFrom + decode " + perFrame + " bytes per frame");
        assertEquals(1, poses.count(), "the rendered person is found");
        assertEquals(0, perFrame, "bytes per frame of copyFrom + decode with slots and batch sizes taking turns");
    }

    private static ModelDescriptor loadHpe() {
        try {
            return ModelDescriptors.load(HPE_0001);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The descriptor's two outputs, with the person rendered. */
    private static InferenceResult twoTensors(ModelDescriptor d) {
        int h = d.outputHeight();
        int w = d.outputWidth();
        Tensor hm = Tensor.allocate("Mconv7_stage2_L2", ElementType.FLOAT32, 1, 19, h, w);
        Tensor paf = Tensor.allocate("Mconv7_stage2_L1", ElementType.FLOAT32, 1, 38, h, w);
        new TargetRenderer(d.topology(), 1f, 1f).render(PERSON, new FeatureMap(hm.floats(), 19, h, w),
                new FeatureMap(paf.floats(), 38, h, w));
        return new Outputs(Map.of(hm.name(), hm, paf.name(), paf), List.of(hm.name(), paf.name()));
    }

    /** Heatmaps and PAFs concatenated in one output "out", stored doubled; the descriptor scales them by 0.5. */
    private ModelDescriptor concatenated() throws Exception {
        String text = Files.readString(HPE_0001)
                .replace("heatmaps: {name: Mconv7_stage2_L2, channels: [0, 19]}", "heatmaps: {name: out, channels: [0, 19], scale: 0.5}")
                .replace("pafs: {name: Mconv7_stage2_L1, channels: [0, 38]}", "pafs: {name: out, channels: [19, 57], scale: 0.5}");
        return ModelDescriptors.load(Files.writeString(dir.resolve("concat.yaml"), text));
    }

    private static InferenceResult oneTensor(ModelDescriptor d) {
        int h = d.outputHeight();
        int w = d.outputWidth();
        Tensor out = Tensor.allocate("out", ElementType.FLOAT32, 1, 57, h, w);
        FloatBuffer all = out.floats();
        new TargetRenderer(d.topology(), 1f, 1f).render(PERSON, new FeatureMap(all.slice(0, 19 * h * w), 19, h, w),
                new FeatureMap(all.slice(19 * h * w, 38 * h * w), 38, h, w));
        for (int i = 0; i < 57 * h * w; i++) {
            all.put(i, all.get(i) * 2f);
        }
        return new Outputs(Map.of("out", out), List.of("out"));
    }

    /** A backend's result stand-in whose own calls allocate nothing (names made once), so only the worker's path counts. */
    private record Outputs(Map<String, Tensor> tensors, List<String> names) implements InferenceResult {
        @Override
        public Tensor output(String name) {
            return tensors.get(name);
        }

        @Override
        public void close() {
        }
    }
}
