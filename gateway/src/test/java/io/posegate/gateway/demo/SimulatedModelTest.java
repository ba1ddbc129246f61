package io.posegate.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.Topologies;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedModelTest {
    @TempDir
    Path dir;

    @Test
    void theShippedModelMatchesTheSceneAndTheOpenPoseTable() {
        SimulatedModel m = SimulatedModel.load(DemoFixture.modelFile());
        assertEquals(MarkerCode.DEMO, m.code(), "the model's colour code is the scene's");
        assertEquals(Topologies.coco18OpenPose().limbs(), m.topology().limbs(), "human-pose-estimation-0001's limb table");
        assertEquals(Coco18.NAMES, m.topology().keypoints());
        assertEquals(18, m.topology().backgroundChannel());
        assertEquals(19, m.heatmapChannels());
        assertEquals(38, m.pafChannels());
        assertEquals(4, m.stride());
        assertEquals(1.0f, m.sigma());
        assertEquals(1.5f, m.limbWidth());
        assertEquals("image", m.inputName());
        assertTrue(m.rgb());
        assertEquals("heatmaps", m.heatmaps());
        assertEquals("pafs", m.pafs());
    }

    @Test
    void errorsNameTheFileAndTheField() throws Exception {
        String good = Files.readString(DemoFixture.modelFile());
        assertInvalid(good.replace("\"stride\": 4,", ""), "'stride'");
        assertInvalid(good.replace("\"RGB\"", "\"RGBA\""), "'input.colorOrder'");
        assertInvalid(good.replace("\"pafX\": 24", "\"pafX\": 38"), "'topology.limbs[5].pafX'");
        assertInvalid(good.replace("\"redStep\": 13", "\"redStep\": 6"), "markerCode");
        assertInvalid(good.replace("\"sigma\": 1.0", "\"sigma\": -1"), "'sigma'");
        assertInvalid(good.replace("\"backgroundChannel\": 18", "\"backgroundChannel\": 3"), "'topology.backgroundChannel'");
        assertInvalid(good.substring(0, good.length() / 2), "offset");
        assertInvalid(good.replace("posegate-simulated-network", "onnx"), "'format'");
    }

    private void assertInvalid(String text, String field) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.sim.json"), text);
        BackendException e = assertThrows(BackendException.class, () -> SimulatedModel.load(file));
        assertEquals(ErrorCode.MODEL_INVALID, e.code(), e.toString());
        assertTrue(e.getMessage().contains(field) && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void miniJsonReadsWhatTheModelFileUses() {
        Object v = MiniJson.parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": {\"c\": \"x\\\"y\\u0041\"}} ");
        assertEquals(java.util.Map.of("a", java.util.Arrays.asList(1.0, -25.0, true, false, null),
                "b", java.util.Map.of("c", "x\"yA")), v);
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\": 1,}"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\": 01}"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\": 1, \"a\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("[1] x"));
    }
}
