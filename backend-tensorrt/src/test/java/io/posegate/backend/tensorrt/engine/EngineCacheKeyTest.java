package io.posegate.backend.tensorrt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EngineCacheKeyTest {
    private static final String MODEL = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static EngineCacheKey base() {
        return new EngineCacheKey(MODEL, "8.0.1", "NVIDIA Tegra X1", "5.3", Precision.FP16, new long[] {1, 3, 224, 224});
    }

    @Test
    void sameInputsGiveTheSameKey() {
        assertEquals(base().id(), base().id());
        assertEquals(base(), base());
        assertEquals(base().hashCode(), base().hashCode());
        assertTrue(base().id().matches("[0-9a-f]{64}"), base().id());
    }

    @Test
    void changingAnyComponentChangesTheKey() {
        List<EngineCacheKey> variants = List.of(base(),
                new EngineCacheKey(MODEL.replace('9', '8'), "8.0.1", "NVIDIA Tegra X1", "5.3", Precision.FP16, new long[] {1, 3, 224, 224}),
                new EngineCacheKey(MODEL, "8.2.1", "NVIDIA Tegra X1", "5.3", Precision.FP16, new long[] {1, 3, 224, 224}),
                new EngineCacheKey(MODEL, "8.0.1", "NVIDIA GeForce RTX 3060", "5.3", Precision.FP16, new long[] {1, 3, 224, 224}),
                new EngineCacheKey(MODEL, "8.0.1", "NVIDIA Tegra X1", "8.6", Precision.FP16, new long[] {1, 3, 224, 224}),
                new EngineCacheKey(MODEL, "8.0.1", "NVIDIA Tegra X1", "5.3", Precision.FP32, new long[] {1, 3, 224, 224}),
                new EngineCacheKey(MODEL, "8.0.1", "NVIDIA Tegra X1", "5.3", Precision.FP16, new long[] {1, 3, 224, 256}),
                new EngineCacheKey(MODEL, "8.0.1", "NVIDIA Tegra X1", "5.3", Precision.FP16, new long[] {1, 3, 224, 224, 1}));
        Set<String> ids = variants.stream().map(EngineCacheKey::id).collect(Collectors.toSet());
        assertEquals(variants.size(), ids.size(), "every component must reach the id: " + variants);
    }

    @Test
    void inputShapeIsCopiedInAndOut() {
        long[] shape = {1, 3, 224, 224};
        EngineCacheKey key = new EngineCacheKey(MODEL, "10.15.1", "GPU", "8.9", Precision.FP32, shape);
        String id = key.id();
        shape[2] = 1;
        key.inputShape()[3] = 1;
        assertEquals(id, key.id());
    }

    @Test
    void describeNamesEveryComponent() {
        String d = base().describe();
        for (String part : List.of(MODEL, "tensorrt=8.0.1", "gpu=NVIDIA Tegra X1", "compute=5.3", "precision=FP16", "input=[1, 3, 224, 224]")) {
            assertTrue(d.contains(part), part + " missing from " + d);
        }
        assertNotEquals(base().id(), Sha256.hex(new byte[0]));
    }
}
