package io.posegate.grouping;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Python with NumPy and SciPy, and Open Model Zoo's model API source, installed from PyPI into
 * {@code target/omz-venv} on first use (kept for later runs). POSEGATE_OMZ_PYTHON may name a Python that
 * already has numpy and scipy. Tests skip, saying why, when python3, venv or PyPI is unavailable.
 */
public final class OmzPython {
    public static final String MODEL_API = "openmodelzoo-modelapi==2022.3.0";
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private OmzPython() {
    }

    /** The Python to run. */
    public static String python() throws IOException, InterruptedException {
        String given = System.getenv("POSEGATE_OMZ_PYTHON");
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path venv = TARGET.resolve("omz-venv");
        Path python = venv.resolve("bin/python");
        if (!Files.isExecutable(venv.resolve("bin/.posegate-ready"))) {
            run(List.of("python3", "-m", "venv", venv.toString()), "create a Python venv (python3 -m venv)");
            run(List.of(python.toString(), "-m", "pip", "install", "-q", "numpy", "scipy"), "pip install numpy scipy from PyPI");
            Files.writeString(venv.resolve("bin/.posegate-ready"), "");
            venv.resolve("bin/.posegate-ready").toFile().setExecutable(true);
        }
        return python.toString();
    }

    /** Open Model Zoo's {@code models/<file>} from the {@value #MODEL_API} wheel, extracted under target/. */
    public static Path modelApiSource(String file) throws IOException, InterruptedException {
        Path out = TARGET.resolve("omz-model-api").resolve(file);
        if (Files.isRegularFile(out)) {
            return out;
        }
        Path wheels = TARGET.resolve("omz-wheel");
        run(List.of(python(), "-m", "pip", "download", "-q", "--no-deps", "-d", wheels.toString(), MODEL_API),
                "pip download " + MODEL_API + " from PyPI");
        Path wheel;
        try (var s = Files.list(wheels)) {
            wheel = s.filter(p -> p.getFileName().toString().startsWith("openmodelzoo_modelapi-2022.3.0")).findFirst()
                    .orElseThrow(() -> new IOException("no openmodelzoo_modelapi wheel in " + wheels));
        }
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            ZipEntry e = zip.getEntry("openvino/model_zoo/model_api/models/" + file);
            if (e == null) {
                throw new IOException(wheel + " has no openvino/model_zoo/model_api/models/" + file);
            }
            Files.createDirectories(out.getParent());
            try (InputStream in = zip.getInputStream(e)) {
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return out;
    }

    private static void run(List<String> command, String what) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "cannot " + what + ": " + e.getMessage());
            return;
        }
        byte[] out = p.getInputStream().readAllBytes();
        boolean done = p.waitFor(15, TimeUnit.MINUTES);
        String text = new String(out, StandardCharsets.UTF_8);
        assumeTrue(done && p.exitValue() == 0, "cannot " + what + " (is PyPI reachable?): "
                + text.substring(Math.max(0, text.length() - 600)));
    }
}
