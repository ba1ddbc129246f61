package io.posegate.backend.tensorrt.engine;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.ErrorCode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The options of the {@code tensorrt} backend ({@code backends.tensorrt.*} in the gateway config):
 * <ul>
 *   <li>{@code cacheDir}: where engines built from ONNX are cached; default {@code ~/.cache/posegate/tensorrt}</li>
 *   <li>{@code fp16}: {@code auto} (default), {@code true} or {@code false}</li>
 *   <li>{@code workspaceMiB}: the builder's workspace memory pool in MiB; default 256 (a Nano shares 4 GiB)</li>
 *   <li>{@code device}: the CUDA device index; default 0</li>
 * </ul>
 * Immutable.
 */
public record TensorRtOptions(Path cacheDir, Fp16Mode fp16, int workspaceMiB, int device) {
    public static final Set<String> KNOWN = Set.of("cacheDir", "fp16", "workspaceMiB", "device");
    static final int DEFAULT_WORKSPACE_MIB = 256;

    public TensorRtOptions {
        requireNonNull(cacheDir, "cacheDir is null");
        requireNonNull(fp16, "fp16 is null");
    }

    /** The default cache directory under the user's home. */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "posegate", "tensorrt");
    }

    /**
     * Parses and checks the options.
     *
     * @throws BackendException {@link ErrorCode#INVALID_OPTION} for an unknown key (listing the known ones) or a bad value
     */
    public static TensorRtOptions parse(BackendOptions options) {
        requireNonNull(options, "options is null");
        options.requireOnly("tensorrt", KNOWN);
        int workspace = options.getInt("workspaceMiB", DEFAULT_WORKSPACE_MIB);
        if (workspace < 1) {
            throw new BackendException(ErrorCode.INVALID_OPTION, "option 'workspaceMiB' must be at least 1, got " + workspace);
        }
        int device = options.getInt("device", 0);
        if (device < 0) {
            throw new BackendException(ErrorCode.INVALID_OPTION, "option 'device' must be a CUDA device index >= 0, got " + device);
        }
        String dir = options.get("cacheDir", null);
        return new TensorRtOptions(dir == null ? defaultCacheDir() : path(dir), Fp16Mode.parse(options.get("fp16", "auto")),
                workspace, device);
    }

    /** The workspace in bytes. */
    public long workspaceBytes() {
        return (long) workspaceMiB << 20;
    }

    private static Path path(String dir) {
        try {
            if (dir.isBlank()) {
                throw new InvalidPathException(dir, "blank");
            }
            return Path.of(dir);
        } catch (InvalidPathException e) {
            throw new BackendException(ErrorCode.INVALID_OPTION, "option 'cacheDir' is not a valid path: '" + dir + "'");
        }
    }
}
