package io.posegate.backend.openvino;

import java.nio.file.Path;
import java.util.List;

/**
 * Where an OpenVINO runtime was found, without loading it.
 *
 * @param library the libopenvino_c file
 * @param source  how it was found, e.g. {@code "environment variable POSEGATE_OPENVINO_LIBS"}
 * @param version the version read from a pip package's metadata or the library's file name, or "unknown"
 * @param plugins device plugins present beside the library ({@code CPU}, {@code GPU}, {@code MYRIAD}, ...)
 */
public record RuntimeLocation(Path library, String source, String version, List<String> plugins) {
    public RuntimeLocation {
        plugins = List.copyOf(plugins);
    }
}
