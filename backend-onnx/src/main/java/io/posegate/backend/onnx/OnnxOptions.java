package io.posegate.backend.onnx;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of the {@code onnx} backend, parsed and checked from {@link BackendOptions}:
 * <ul>
 *   <li>{@code intraOpThreads}: threads inside one operator, default {@code min(2, cores)};</li>
 *   <li>{@code interOpThreads}: threads across operators, default 1;</li>
 *   <li>{@code optimization}: graph optimisation level {@code all|extended|basic|none}, default {@code all};</li>
 *   <li>{@code device}: {@code auto} (CUDA when the runtime offers it, else CPU), {@code cpu} or {@code cuda}
 *       (fails when CUDA is missing), default {@code auto};</li>
 *   <li>{@code concurrentRuns}: how many frames may run at once, each with its own output buffers, default 1;</li>
 *   <li>{@code allowSpinning}: {@code true} (ONNX Runtime's default) lets idle intra-op threads spin waiting for
 *       work, {@code false} makes them sleep ({@code session.intra_op.allow_spinning}), which leaves the cores to
 *       the gateway's own threads between runs; default {@code true}.</li>
 * </ul>
 * Only classes of ONNX Runtime's Java API are referenced, never its native code.
 */
record OnnxOptions(int intraOpThreads, int interOpThreads, OptLevel optimization, Device device, int concurrentRuns,
                   boolean allowSpinning) {
    static final Set<String> KEYS = Set.of("intraOpThreads", "interOpThreads", "optimization", "device", "concurrentRuns",
            "allowSpinning");

    /** Where the model should run. */
    enum Device { AUTO, CPU, CUDA }

    private static final Map<String, OptLevel> LEVELS = Map.of("all", OptLevel.ALL_OPT, "extended", OptLevel.EXTENDED_OPT,
            "basic", OptLevel.BASIC_OPT, "none", OptLevel.NO_OPT);

    /**
     * Parses and checks every option.
     *
     * @throws BackendException {@link ErrorCode#INVALID_OPTION} naming the key and the bad value
     */
    static OnnxOptions parse(BackendOptions options) {
        requireNonNull(options, "options is null");
        options.requireOnly(OnnxBackendProvider.NAME, KEYS);
        int cores = Runtime.getRuntime().availableProcessors();
        return new OnnxOptions(
                positive(options, "intraOpThreads", Math.min(2, cores), 1024),
                positive(options, "interOpThreads", 1, 1024),
                choice(options, "optimization", "all", LEVELS),
                choice(options, "device", "auto", Map.of("auto", Device.AUTO, "cpu", Device.CPU, "cuda", Device.CUDA)),
                positive(options, "concurrentRuns", 1, 64),
                choice(options, "allowSpinning", "true", Map.of("true", true, "false", false)));
    }

    private static int positive(BackendOptions options, String key, int defaultValue, int max) {
        int v = options.getInt(key, defaultValue);
        if (v < 1 || v > max) {
            throw new BackendException(ErrorCode.INVALID_OPTION,
                    "option '" + key + "' of backend 'onnx' must be between 1 and " + max + ", got " + v);
        }
        return v;
    }

    private static <T> T choice(BackendOptions options, String key, String defaultValue, Map<String, T> allowed) {
        String v = options.get(key, defaultValue).trim().toLowerCase(Locale.ROOT);
        T t = allowed.get(v);
        if (t == null) {
            throw new BackendException(ErrorCode.INVALID_OPTION, "option '" + key + "' of backend 'onnx' must be one of "
                    + new java.util.TreeSet<>(allowed.keySet()) + ", got '" + options.get(key, defaultValue) + "'");
        }
        return t;
    }
}
