package io.posegate.backend.tensorrt.internal;

import static org.bytedeco.tensorrt.global.nvinfer.createInferBuilder;
import static org.bytedeco.tensorrt.global.nvonnxparser.createParser;

import io.posegate.backend.tensorrt.engine.BuildProgress;
import io.posegate.backend.tensorrt.engine.Precision;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.tensorrt.global.nvonnxparser;
import org.bytedeco.tensorrt.global.nvinfer.BuilderFlag;
import org.bytedeco.tensorrt.nvinfer.IBuilder;
import org.bytedeco.tensorrt.nvinfer.IBuilderConfig;
import org.bytedeco.tensorrt.nvinfer.IHostMemory;
import org.bytedeco.tensorrt.nvinfer.ILogger;
import org.bytedeco.tensorrt.nvinfer.INetworkDefinition;
import org.bytedeco.tensorrt.nvonnxparser.IParser;

/**
 * Builds a serialised engine from an ONNX file with TensorRT's ONNX parser: explicit batch, the input fixed
 * to the spec's shape by an optimisation profile, FP16 if asked, the given workspace. Reports its phases to
 * a {@link BuildProgress}. Blocking (minutes on a Jetson Nano); call it off any event loop.
 */
final class OnnxEngineBuilder {
    private final NativeTensorRt trt;

    /** @throws BackendException {@link ErrorCode#RUNTIME_UNAVAILABLE} if libnvonnxparser cannot be loaded */
    OnnxEngineBuilder(NativeTensorRt trt) {
        this.trt = trt;
        try {
            Loader.load(nvonnxparser.class);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw new BackendException(ErrorCode.RUNTIME_UNAVAILABLE, "cannot load the TensorRT ONNX parser ("
                    + BindingInfo.ONNX_PARSER_LIBRARY + "); only serialised engines can be opened: " + e, e);
        }
    }

    /** Whether the current GPU has fast FP16 (decides {@code fp16=auto}). */
    boolean platformHasFastFp16() {
        IBuilder builder = createInferBuilder(trt.logger);
        try {
            return builder.platformHasFastFp16();
        } finally {
            trt.generation.release(builder);
        }
    }

    /** @throws BackendException {@link ErrorCode#MODEL_INVALID} with the parser's errors, {@link ErrorCode#MODEL_MISMATCH} for an unknown input */
    byte[] build(ModelSpec spec, Precision precision, long workspaceBytes, BuildProgress progress) {
        TrtGeneration gen = trt.generation;
        IBuilder builder = createInferBuilder(trt.logger);
        INetworkDefinition network = builder.createNetworkV2(gen.networkFlags());
        IParser parser = createParser(network, trt.logger);
        IBuilderConfig config = builder.createBuilderConfig();
        try {
            progress.phaseStarted("parse ONNX", null, 0);
            if (!parser.parseFromFile(spec.file().toString(), ILogger.Severity.kWARNING.value)) {
                throw new BackendException(ErrorCode.MODEL_INVALID, "TensorRT cannot parse ONNX model " + spec.file() + ": " + errors(parser));
            }
            progress.phaseFinished("parse ONNX");
            if (!gen.fixInputShape(builder, config, network, spec.inputName(), spec.inputShape())) {
                throw new BackendException(ErrorCode.MODEL_MISMATCH, "input '" + spec.inputName() + "' not found in ONNX model "
                        + spec.file() + "; inputs: " + inputs(network));
            }
            gen.setWorkspace(config, workspaceBytes);
            if (precision == Precision.FP16) {
                config.setFlag(BuilderFlag.kFP16);
            }
            progress.phaseStarted("build engine (" + precision + ")", null, 0);
            IHostMemory plan = builder.buildSerializedNetwork(network, config);
            if (plan == null || plan.isNull()) {
                throw new BackendException(ErrorCode.MODEL_INVALID, "TensorRT could not build an engine from " + spec.file()
                        + " (see the TensorRT log)");
            }
            progress.phaseFinished("build engine (" + precision + ")");
            try {
                byte[] bytes = new byte[Math.toIntExact(plan.size())];
                new BytePointer(plan.data()).capacity(plan.size()).get(bytes);
                return bytes;
            } finally {
                gen.release(plan);
            }
        } finally {
            gen.release(config);
            gen.release(parser);
            gen.release(network);
            gen.release(builder);
        }
    }

    private static String errors(IParser parser) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < parser.getNbErrors(); i++) {
            errors.add(parser.getError(i).desc() + " (node " + parser.getError(i).node() + ")");
        }
        return errors.isEmpty() ? "no parser error reported" : String.join("; ", errors);
    }

    private static List<String> inputs(INetworkDefinition network) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < network.getNbInputs(); i++) {
            names.add(network.getInput(i).getName());
        }
        return names;
    }
}
