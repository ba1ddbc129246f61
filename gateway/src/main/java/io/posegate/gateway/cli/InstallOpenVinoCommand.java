package io.posegate.gateway.cli;

import io.posegate.gateway.backend.BackendRegistry;
import io.posegate.spi.Probe;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code posegate install-openvino}: installs the OpenVINO runtime from PyPI the way the tests do
 * ({@code .ci/install-openvino.sh}): into a Python venv at {@code ~/.cache/posegate/openvino-venv}, or with
 * {@code pip --target} into the same layout where the venv module is missing. The OpenVINO backend finds
 * that location by itself, so the next {@code posegate run} with {@code backend: auto} picks OpenVINO.
 * Idempotent. Needs {@code python3} with pip and network access to PyPI.
 */
@Command(name = "install-openvino", description = "Install the OpenVINO runtime from PyPI where the openvino backend finds it (as .ci/install-openvino.sh does).")
public final class InstallOpenVinoCommand implements Callable<Integer> {
    /** The version the tests run against. */
    public static final String VERSION = "2026.4.1";

    @Spec
    CommandSpec spec;

    @Option(names = "--version", defaultValue = VERSION, description = "openvino version on PyPI (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--dir", description = "Where to install (default: ~/.cache/posegate/openvino-venv).")
    Path dir;

    @Option(names = "--python", defaultValue = "python3", description = "Python interpreter (default: ${DEFAULT-VALUE}).")
    String python;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path venv = dir != null ? dir : Path.of(System.getProperty("user.home"), ".cache", "posegate", "openvino-venv");
        String pyver = output(List.of(python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])")).strip();
        Path site = venv.resolve("lib").resolve("python" + pyver).resolve("site-packages");
        if (Files.isDirectory(site.resolve("openvino-" + version + ".dist-info"))) {
            out.println("openvino " + version + " is already installed in " + site);
        } else {
            Files.createDirectories(venv.getParent());
            List<String> pip = List.of("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input");
            if (Files.isExecutable(venv.resolve("bin/python")) || run(out, List.of(python, "-m", "venv", venv.toString())) == 0) {
                out.println("installing openvino==" + version + " into venv " + venv);
                out.flush();
                require(run(out, concat(List.of(venv.resolve("bin/python").toString()), pip, List.of("openvino==" + version))), "pip install");
            } else {
                out.println("no venv module; installing openvino==" + version + " with pip --target " + site);
                out.flush();
                require(run(out, concat(List.of(python), pip, List.of("--upgrade", "--target", site.toString(), "openvino==" + version))),
                        "pip install --target");
            }
        }
        Path libs = site.resolve("openvino").resolve("libs");
        try (var files = Files.list(libs)) {
            if (files.noneMatch(f -> f.getFileName().toString().startsWith("libopenvino_c.so"))) {
                throw new IllegalStateException(libs + " holds no libopenvino_c.so*");
            }
        }
        out.println("OpenVINO runtime: " + libs);
        Probe p = BackendRegistry.discover().probe("openvino");
        out.println("openvino backend: " + (p.available() ? "available" : "unavailable") + " - " + p.reason());
        out.flush();
        return p.available() ? 0 : 1;
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    private static void require(int code, String what) {
        if (code != 0) {
            throw new IllegalStateException(what + " failed with exit code " + code);
        }
    }

    private static int run(PrintWriter out, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static String output(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + text.strip());
        }
        return text;
    }
}
