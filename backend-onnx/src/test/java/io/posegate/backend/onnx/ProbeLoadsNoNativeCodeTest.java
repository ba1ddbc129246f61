package io.posegate.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.Probe;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Discovery must not load ONNX Runtime's native code. In a class loader of its own, where nothing else
 * has touched ONNX Runtime, the provider is created and probed; afterwards ORT's API handle, which its
 * native initialisation sets, is still zero.
 */
class ProbeLoadsNoNativeCodeTest {
    @Test
    void probeInAFreshClassLoaderLeavesTheRuntimeUnloaded() throws Exception {
        URL[] path = {location(OnnxBackendProvider.class), location(BackendProvider.class), location(OrtEnvironment.class)};
        try (URLClassLoader isolated = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            Class<?> providerClass = Class.forName(OnnxBackendProvider.class.getName(), true, isolated);
            Object provider = providerClass.getConstructor().newInstance();
            Object probe = providerClass.getMethod("probe").invoke(provider);
            assertTrue((Boolean) probe.getClass().getMethod("available").invoke(probe), probe.toString());
            Field handle = Class.forName("ai.onnxruntime.OnnxRuntime", true, isolated).getDeclaredField("ortApiHandle");
            handle.setAccessible(true);
            assertEquals(0L, handle.getLong(null), "the probe loaded ONNX Runtime's native library");
            assertTrue(Probe.class != probe.getClass(), "the provider was not isolated");
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
