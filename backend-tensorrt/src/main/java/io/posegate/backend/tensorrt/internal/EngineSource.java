package io.posegate.backend.tensorrt.internal;

import java.util.function.Supplier;

/**
 * Where an engine comes from.
 *
 * @param key  names the plan on one CUDA device (cache key id or plan SHA-256, plus {@code @cuda<index>}); engines
 *             with the same key are interchangeable, see {@link RetainedEngines}
 * @param load deserialises (or builds) the engine; blocking
 */
record EngineSource(String key, Supplier<EngineHandle> load) {
}
