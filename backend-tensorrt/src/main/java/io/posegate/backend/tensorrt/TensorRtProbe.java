package io.posegate.backend.tensorrt;

import static java.util.Objects.requireNonNull;

import io.posegate.backend.tensorrt.internal.BindingInfo;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.Probe;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether TensorRT can run here by looking for files only: {@code libnvinfer.so.<major>} and
 * {@code libcudart} of the compiled binding ({@link BindingInfo}), the driver's {@code libcuda.so.1}, a GPU
 * device node, and the presets' JNI libraries on the class path. Loads no native code, never throws, and names
 * every missing piece. Without {@code libnvonnxparser} it is available for serialised engines only.
 */
public final class TensorRtProbe {
    static final Set<ModelFormat> FORMATS = Set.of(ModelFormat.TENSORRT_ENGINE, ModelFormat.ONNX);
    /** The NVIDIA driver's CUDA library, which the cuda preset's JNI library links against. */
    static final String DRIVER_LIBRARY = "libcuda.so.1";

    private final ProbeEnvironment env;

    public TensorRtProbe(ProbeEnvironment env) {
        this.env = requireNonNull(env, "env is null");
    }

    public Probe probe() {
        try {
            return check();
        } catch (RuntimeException | Error e) {
            return Probe.unavailable("TensorRT probe failed: " + e, FORMATS);
        }
    }

    private Probe check() {
        if (!env.osName().toLowerCase(Locale.ROOT).contains("linux")) {
            return Probe.unavailable("TensorRT backend runs on Linux only (os.name=" + env.osName() + ")", FORMATS);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("binding", BindingInfo.GENERATION);
        details.put("presets", BindingInfo.PRESETS);
        details.put("platform", env.platform());
        details.put("batching", "no: engines are built for batch 1 (ModelSpec.maxBatch is ignored; the gateway runs one frame per run)");
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        library("tensorrt", BindingInfo.NVINFER_LIBRARY, details, missing);
        library("cuda", BindingInfo.CUDART_LIBRARY, details, missing);
        library("cuda", DRIVER_LIBRARY, details, missing);
        if (!missing.isEmpty()) {
            problems.add(notFound(missing));
        }
        List<String> parser = new ArrayList<>();
        library("tensorrt", BindingInfo.ONNX_PARSER_LIBRARY, details, parser);
        Optional<Path> node = env.deviceNodes().stream().filter(Files::exists).findFirst();
        node.ifPresentOrElse(n -> details.put("gpuDevice", n.toString()), () -> problems.add("no NVIDIA GPU device ("
                + env.deviceNodes().stream().map(Path::toString).collect(Collectors.joining(", ")) + " absent)"));
        List<String> jni = new ArrayList<>();
        jni("tensorrt", "libjninvinfer.so", details, jni);
        jni("cuda", "libjnicudart.so", details, jni);
        if (!jni.isEmpty()) {
            problems.add("bytedeco preset natives for " + env.platform() + " not on the classpath (" + String.join(", ", jni)
                    + "); build with -P" + BindingInfo.PROFILE);
        }
        if (!problems.isEmpty()) {
            return Probe.unavailable(String.join("; ", problems), FORMATS, details);
        }
        Set<ModelFormat> formats = FORMATS;
        if (!parser.isEmpty()) {
            details.put("onnx", "cannot build engines from ONNX: " + notFound(parser));
            formats = Set.of(ModelFormat.TENSORRT_ENGINE);
        }
        return Probe.available("TensorRT " + BindingInfo.TENSORRT_MAJOR + " (" + details.get(BindingInfo.NVINFER_LIBRARY)
                + "), GPU " + details.get("gpuDevice") + (parser.isEmpty() ? "" : ", serialised engines only ("
                + BindingInfo.ONNX_PARSER_LIBRARY + " not found)"), formats, List.of("CUDA", "TensorRT" + BindingInfo.TENSORRT_MAJOR), details);
    }

    /** Records where {@code file} is, or adds it to {@code missing}. */
    private void library(String preset, String file, Map<String, String> details, List<String> missing) {
        for (Path dir : env.libraryDirs()) {
            Path candidate = dir.resolve(file);
            if (Files.exists(candidate)) {
                details.put(file, candidate.toString());
                return;
            }
        }
        URL url = env.classLoader().getResource(resource(preset, file));
        if (url != null) {
            details.put(file, url.toString());
            return;
        }
        missing.add(file);
    }

    private String notFound(List<String> files) {
        String names = files.size() == 1 ? files.get(0)
                : String.join(", ", files.subList(0, files.size() - 1)) + " and " + files.get(files.size() - 1);
        return names + " not found (looked in: " + env.libraryDirs().stream().map(Path::toString).collect(Collectors.joining(", "))
                + ", classpath org/bytedeco/{tensorrt,cuda}/" + env.platform() + "/)";
    }

    private void jni(String preset, String file, Map<String, String> details, List<String> missing) {
        String resource = resource(preset, file);
        URL url = env.classLoader().getResource(resource);
        if (url == null) {
            missing.add(resource);
        } else {
            details.put(file, url.toString());
        }
    }

    private String resource(String preset, String file) {
        return "org/bytedeco/" + preset + "/" + env.platform() + "/" + file;
    }
}
