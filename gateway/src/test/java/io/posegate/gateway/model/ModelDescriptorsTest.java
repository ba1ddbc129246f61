package io.posegate.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.config.ConfigException;
import io.posegate.grouping.Topologies;
import io.posegate.spi.ElementType;
import io.posegate.spi.ModelFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped descriptors load and agree with the known topologies; bad ones list every problem by field. */
class ModelDescriptorsTest {
    static final Path MODELS = Path.of("..", "config", "models");

    @TempDir
    Path dir;

    @Test
    void openPoseDescriptorMatchesHumanPoseEstimation0001() {
        ModelDescriptor d = ModelDescriptors.resolve("human-pose-estimation-0001", MODELS);
        assertEquals(ModelFormat.ONNX, d.format());
        assertEquals("data", d.input().name());
        assertEquals(InputSpec.ColorOrder.BGR, d.input().colorOrder());
        assertEquals(8, d.output().stride());
        assertEquals(32, d.outputHeight());
        assertEquals(57, d.outputWidth());
        assertEquals(Topologies.coco18OpenPose().limbs(), d.topology().limbs());
        assertEquals(18, d.topology().backgroundChannel());
        assertEquals("openpose", d.grouping().strategy());
        assertEquals("paf", d.decoder().name());
    }

    @Test
    void trtPoseDescriptorsMatchHumanPoseJson() {
        for (String name : new String[] {"trt_pose_resnet18", "trt_pose_densenet121"}) {
            ModelDescriptor d = ModelDescriptors.resolve(name, MODELS);
            assertEquals(Topologies.trtPoseHuman().limbs(), d.topology().limbs(), name);
            assertEquals(Topologies.trtPoseHuman().keypoints(), d.topology().keypoints(), name);
            assertEquals(4, d.output().stride());
            assertEquals(InputSpec.ColorOrder.RGB, d.input().colorOrder());
            assertEquals(0.485f, d.input().mean()[0], 1e-6);
            assertEquals("trt_pose", d.grouping().strategy());
        }
    }

    @Test
    void poseNetDescriptorServesTheOnnxAndTheTfliteFile() {
        ModelDescriptor onnx = ModelDescriptors.resolve("posenet-mobilenet-v1-075", MODELS);
        assertEquals(ModelFormat.ONNX, onnx.format());
        assertEquals("posenet", onnx.decoder().name());
        assertEquals(ElementType.FLOAT32, onnx.input().type());
        assertEquals("[1, 3, 353, 481]", java.util.Arrays.toString(onnx.input().shape()));
        assertEquals(23, onnx.outputHeight());
        assertEquals(31, onnx.outputWidth());
        assertEquals(java.util.Map.of("optimization", "basic"), onnx.optionsFor("onnx", java.util.Map.of()));
        assertEquals(java.util.Map.of("optimization", "all"), onnx.optionsFor("onnx", java.util.Map.of("optimization", "all")),
                "the config and the command line override a descriptor's backend options");
        assertEquals(Topologies.coco17().keypoints(), onnx.topology().keypoints());

        ModelDescriptor tflite = onnx.withModelFile(Path.of("/models/posenet_mobilenet_v1_075_353_481_quant.tflite"));
        assertEquals(ModelFormat.TFLITE, tflite.format());
        assertEquals(ElementType.UINT8, tflite.input().type());
        assertEquals(TensorLayout.NHWC, tflite.input().layout());
        assertEquals("[1, 353, 481, 3]", java.util.Arrays.toString(tflite.input().shape()));
        assertEquals(TensorLayout.NHWC, tflite.output().layout());
        TensorRef mid = tflite.output().tensors().get("displacements");
        assertEquals("float_mid_offsets", mid.tensor());
        assertEquals(117f, mid.zeroPoint());
        assertEquals(1.3875765f, mid.scale(), 1e-6);
        assertEquals(java.util.List.of("float_heatmaps", "float_mid_offsets", "float_short_offsets"), tflite.modelSpec().outputNames());
    }

    @Test
    void singlePersonAndAssociativeEmbeddingDescriptors() {
        ModelDescriptor hourglass = ModelDescriptors.resolve("single-person-hourglass", MODELS);
        assertEquals("single-person", hourglass.decoder().name());
        assertEquals(48, hourglass.outputHeight());
        assertEquals(14, hourglass.topology().keypointCount());
        ModelDescriptor cpm = ModelDescriptors.resolve("single-person-cpm", MODELS);
        assertEquals(96, cpm.outputWidth());
        assertEquals(TensorLayout.NHWC, cpm.withModelFile(Path.of("cpm.tflite")).input().layout());
        int[][] sizes = {{5, 288}, {6, 352}, {7, 448}};
        for (int[] s : sizes) {
            ModelDescriptor d = ModelDescriptors.resolve("human-pose-estimation-000" + s[0], MODELS);
            assertEquals("associative-embedding", d.decoder().name());
            assertEquals(s[1], d.input().height());
            assertEquals(s[1] / 2, d.outputHeight());
            assertEquals("embeddings", d.output().tensors().get("tags").tensor());
            assertEquals(ModelFormat.OPENVINO_IR, d.format());
        }
    }

    @Test
    void everyShippedDescriptorLoads() {
        assertTrue(ModelDescriptors.known(MODELS).size() >= 4);
        for (String n : ModelDescriptors.known(MODELS)) {
            assertEquals(n, ModelDescriptors.resolve(n, MODELS).name());
        }
    }

    @Test
    void unknownModelNameListsTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> ModelDescriptors.resolve("nope", MODELS));
        assertTrue(e.getMessage().contains("human-pose-estimation-0001"), e.getMessage());
    }

    @Test
    void badDescriptorReportsEveryProblemWithItsField() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.yaml"), """
                name: bad
                model: {file: x.bin}
                input: {name: data, height: 250, width: 456, colorOrder: grey, normalization: {std: [1, 0, 1]}}
                output:
                  stride: 8
                  layout: NWCH
                  tensors:
                    heatmaps: {name: hm, channels: [0, 5]}
                    tags: {name: t}
                topology:
                  keypoints: [a, b, c, d, e, f]
                  skeleton: [[0, 1], [0, 9], [1]]
                decoder: {name: paf, strategy: magic, fields: [[0, 1], [2, 3]]}
                colour: red
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> ModelDescriptors.load(f));
        String m = e.getMessage();
        for (String expected : new String[] {"model.format", "input.colorOrder", "input.normalization.std[1]", "output.layout",
            "output.tensors.pafs: is required: decoder 'paf' reads output roles [heatmaps, pafs]",
            "output.tensors.tags: is not an output role of decoder 'paf'", "output.tensors.heatmaps.channels",
            "topology.skeleton[1]", "topology.skeleton[2]", "decoder.fields", "strategy", "colour: unknown field"}) {
            assertTrue(m.contains(expected), "missing '" + expected + "' in:\n" + m);
        }
        assertTrue(e.problems().size() >= 11, m);
        ConfigException unknown = assertThrows(ConfigException.class, () -> ModelDescriptors.load(Files.writeString(
                dir.resolve("u.yaml"), Files.readString(MODELS.resolve("human-pose-estimation-0001.yaml"))
                        .replace("name: paf", "name: pafs"))));
        assertTrue(unknown.getMessage().contains("decoder.name: unknown decoder 'pafs'; known: [")
                && unknown.getMessage().contains("paf"), unknown.getMessage());
    }

    @Test
    void aBuiltinTopologyIsReadFromGroupingAndNotRestated() throws Exception {
        ModelDescriptor d = ModelDescriptors.resolve("demo-simulated", MODELS);
        assertEquals("coco18", d.topology().name(), "the name clients see");
        assertEquals(Topologies.coco18OpenPose().keypoints(), d.topology().keypoints());
        assertEquals(Topologies.coco18OpenPose().limbs(), d.topology().limbs());
        assertEquals(18, d.topology().backgroundChannel());
        String shipped = Files.readString(MODELS.resolve("human-pose-estimation-0001.yaml"));
        ConfigException unknown = assertThrows(ConfigException.class, () -> ModelDescriptors.load(Files.writeString(
                dir.resolve("b.yaml"), shipped.replace("builtin: coco18_openpose", "builtin: coco19"))));
        assertTrue(unknown.getMessage().contains("topology.builtin: unknown built-in topology 'coco19'; known: [coco17"),
                unknown.getMessage());
        ConfigException both = assertThrows(ConfigException.class, () -> ModelDescriptors.load(Files.writeString(
                dir.resolve("c.yaml"), shipped.replace("builtin: coco18_openpose", "builtin: coco18_openpose\n  keypoints: [a]")
                        .replace("maxPeople: 100", "maxPeople: 100\n  background: 18"))));
        assertTrue(both.getMessage().contains("topology.keypoints: must not be given with 'builtin'")
                && both.getMessage().contains("decoder.background: must not be given with a built-in topology"), both.getMessage());
    }

    @Test
    void blankRequiredNamesAreErrorsNamingTheField() throws Exception {
        String shipped = Files.readString(MODELS.resolve("human-pose-estimation-0001.yaml"));
        Path f = Files.writeString(dir.resolve("blank.yaml"), shipped.replace("name: human-pose-estimation-0001", "name: \"\"")
                .replace("  name: data", "  name: \"\"").replace("file: human-pose-estimation-0001.onnx", "file: \"  \"")
                .replace("{name: Mconv7_stage2_L1,", "{name: \"\","));
        ConfigException e = assertThrows(ConfigException.class, () -> ModelDescriptors.load(f));
        for (String expected : new String[] {"name: must not be blank", "input.name: must not be blank",
            "model.file: must not be blank", "output.tensors.pafs.name: must not be blank"}) {
            assertTrue(e.problems().contains(expected), "missing '" + expected + "' in " + e.problems());
        }
        assertTrue(e.problems().stream().noneMatch(p -> p.contains("is required")), "given, though blank: " + e.problems());
    }

    @Test
    void unknownBackendAndVariantNamesListTheKnownOnes() throws Exception {
        String posenet = Files.readString(MODELS.resolve("posenet-mobilenet-v1-075.yaml"));
        ConfigException backend = assertThrows(ConfigException.class, () -> ModelDescriptors.load(Files.writeString(
                dir.resolve("b.yaml"), posenet.replace("backends:\n  onnx:", "backends:\n  onxx:"))));
        assertEquals(java.util.List.of("backends.onxx: unknown backend; known: onnx, openvino, simulated, tensorrt"), backend.problems());
        ConfigException variant = assertThrows(ConfigException.class, () -> ModelDescriptors.load(Files.writeString(
                dir.resolve("v.yaml"), posenet.replace("variants:\n  tflite:", "variants:\n  tflit:"))));
        assertEquals(1, variant.problems().size(), variant.problems().toString());
        assertTrue(variant.problems().get(0).startsWith("variants.tflit: unknown model format; known: ")
                && variant.problems().get(0).contains("onnx") && variant.problems().get(0).contains("tflite"), variant.problems().toString());
        ConfigException inVariant = assertThrows(ConfigException.class, () -> ModelDescriptors.load(Files.writeString(
                dir.resolve("w.yaml"), posenet.replace("variants:\n  tflite:", "variants:\n  tflite:\n    backends: {openvnio: {}}"))));
        assertEquals(java.util.List.of("variants.tflite.backends.openvnio: unknown backend; known: onnx, openvino, simulated, tensorrt"),
                inVariant.problems());
    }

    @Test
    void anUnknownBackendInTheAppliedVariantIsReportedWhereItIsWritten() throws Exception {
        String posenet = Files.readString(MODELS.resolve("posenet-mobilenet-v1-075.yaml"));
        Path typo = Files.writeString(dir.resolve("w.yaml"), posenet.replace("variants:\n  tflite:",
                "variants:\n  tflite:\n    backends: {openvnio: {}}"));
        ConfigException applied = assertThrows(ConfigException.class, () -> ModelDescriptors.load(typo, dir.resolve("posenet.tflite")));
        assertEquals(java.util.List.of("variants.tflite.backends.openvnio: unknown backend; known: onnx, openvino, simulated, tensorrt"),
                applied.problems());
        ConfigException top = assertThrows(ConfigException.class, () -> ModelDescriptors.load(Files.writeString(dir.resolve("t.yaml"),
                posenet.replace("backends:\n  onnx:", "backends:\n  onxx:")), dir.resolve("posenet.tflite")));
        assertEquals(java.util.List.of("backends.onxx: unknown backend; known: onnx, openvino, simulated, tensorrt"), top.problems());
        // a known backend in the applied variant is merged over the descriptor's own section
        ModelDescriptor merged = ModelDescriptors.load(Files.writeString(dir.resolve("m.yaml"), posenet.replace("variants:\n  tflite:",
                "variants:\n  tflite:\n    backends: {openvino: {device: GPU}, onnx: {intraOpThreads: 2}}")), dir.resolve("posenet.tflite"));
        assertEquals(Map.of("device", "GPU"), merged.optionsFor("openvino", Map.of()));
        assertEquals(Map.of("optimization", "basic", "intraOpThreads", "2"), merged.optionsFor("onnx", Map.of()));
    }

    @Test
    void unreadableYamlNamesTheFile() throws Exception {
        Path f = Files.writeString(dir.resolve("broken.yaml"), "name: [unclosed\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ModelDescriptors.load(f));
        assertTrue(e.getMessage().contains("broken.yaml") && e.getMessage().contains("not valid YAML"), e.getMessage());
    }
}
