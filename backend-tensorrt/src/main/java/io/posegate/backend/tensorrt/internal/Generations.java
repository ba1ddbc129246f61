package io.posegate.backend.tensorrt.internal;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.util.List;

/** Chooses the compiled {@link TrtGeneration} that can drive the loaded libnvinfer. */
final class Generations {
    private static final List<String> CANDIDATES = List.of(
            "io.posegate.backend.tensorrt.internal.Trt10Generation",
            "io.posegate.backend.tensorrt.internal.Trt8Generation");

    private Generations() {
    }

    /** @throws BackendException {@link ErrorCode#RUNTIME_UNAVAILABLE} if no compiled generation fits {@code version} */
    static TrtGeneration forVersion(TrtVersion version) {
        for (String name : CANDIDATES) {
            TrtGeneration g = instantiate(name);
            if (g != null && g.supports(version.major())) {
                return g;
            }
        }
        throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "libnvinfer reports TensorRT " + version
                + " but this build holds the " + BindingInfo.GENERATION + " binding; rebuild backend-tensorrt with the "
                + "profile for this TensorRT (see backend-tensorrt/README.md)");
    }

    private static TrtGeneration instantiate(String name) {
        try {
            return (TrtGeneration) Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new BackendException(ErrorCode.INTERNAL, "cannot instantiate " + name, e);
        }
    }
}
