package io.posegate.backend.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.grouping.Topologies;
import io.posegate.grouping.synth.MarkerCode;
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
        SimulatedModel m = SimulatedModel.load(SimFixture.modelFile());
        assertEquals(MarkerCode.DEMO, m.code(), "the model's colour code is the scene's");
        assertEquals(Topologies.coco18OpenPose().limbs(), m.topology().limbs(), "human-pose-estimation-0001's limb table");
        assertEquals(Topologies.coco18OpenPose().keypoints(), m.topology().keypoints());
        assertEquals(18, m.topology().keypointCount());
        assertEquals("nose", m.topology().keypoints().get(0));
        assertEquals("left_ear", m.topology().keypoints().get(17));
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
        String good = Files.readString(SimFixture.modelFile());
        assertInvalid(good.replace("stride = 4", ""), "'stride'");
        assertInvalid(good.replace("= RGB", "= RGBA"), "'input.colorOrder'");
        assertInvalid(good.replace("= coco18_openpose", "= coco19"), "'topology'");
        assertInvalid(good.replace("= coco18_openpose", "= coco17"), "'topology'");
        assertInvalid(good.replace("markerCode.redStep = 13", "markerCode.redStep = 6"), "markerCode");
        assertInvalid(good.replace("markerCode.slots = 8", "markerCode.slots = eight"), "'markerCode.slots'");
        assertInvalid(good.replace("sigma = 1.0", "sigma = -1"), "'sigma'");
        assertInvalid(good.replace("limbWidth = 1.5", "limbWidth = 1.5\nlimbWidht = 1.5"), "'limbWidht'");
        assertInvalid(good.substring(0, good.indexOf("outputs.pafs")), "missing key 'outputs.pafs'");
        assertInvalid(good.replace("posegate-simulated-network", "onnx"), "'format'");
        assertInvalid(good + "\nbroken = \\uZZZZ\n", "uxxxx");
    }

    private void assertInvalid(String text, String field) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.sim.properties"), text);
        BackendException e = assertThrows(BackendException.class, () -> SimulatedModel.load(file));
        assertEquals(ErrorCode.MODEL_INVALID, e.code(), e.toString());
        assertTrue(e.getMessage().contains(field) && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aMissingFileIsNotFound() {
        BackendException e = assertThrows(BackendException.class, () -> SimulatedModel.load(dir.resolve("none.sim.properties")));
        assertEquals(ErrorCode.MODEL_NOT_FOUND, e.code(), e.toString());
        assertTrue(e.getMessage().contains("none.sim.properties"), e.getMessage());
    }
}
