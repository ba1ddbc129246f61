package io.posegate.backend.tensorrt.internal;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorrt.global.nvinfer.NetworkDefinitionCreationFlag;
import org.bytedeco.tensorrt.global.nvinfer.OptProfileSelector;
import org.bytedeco.tensorrt.nvinfer.Dims32;
import org.bytedeco.tensorrt.nvinfer.IBuilder;
import org.bytedeco.tensorrt.nvinfer.IBuilderConfig;
import org.bytedeco.tensorrt.nvinfer.ICudaEngine;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;
import org.bytedeco.tensorrt.nvinfer.INetworkDefinition;
import org.bytedeco.tensorrt.nvinfer.IOptimizationProfile;
import org.bytedeco.tensorrt.nvinfer.ITensor;

/**
 * TensorRT 8 (JetPack 4.6 ships 8.0.1): IO addressed by binding index, {@code Dims32}, {@code setMaxWorkspaceSize},
 * the explicit-batch network flag, objects freed with {@code destroy()}. Stateless.
 */
public final class Trt8Generation implements TrtGeneration {
    @Override
    public String name() {
        return BindingInfo.GENERATION;
    }

    @Override
    public boolean supports(int major) {
        return major == 8;
    }

    @Override
    public BoundContext bind(ICudaEngine engine, IExecutionContext context) {
        return new Trt8Context(engine, context);
    }

    @Override
    public int networkFlags() {
        return 1 << NetworkDefinitionCreationFlag.kEXPLICIT_BATCH.value;
    }

    @Override
    public void setWorkspace(IBuilderConfig config, long bytes) {
        config.setMaxWorkspaceSize(bytes);
    }

    @Override
    public boolean fixInputShape(IBuilder builder, IBuilderConfig config, INetworkDefinition network, String input, long[] shape) {
        for (int i = 0; i < network.getNbInputs(); i++) {
            ITensor t = network.getInput(i);
            if (t.getName().equals(input)) {
                if (dynamic(t.getDimensions())) {
                    IOptimizationProfile profile = builder.createOptimizationProfile();
                    Dims32 dims = dims(shape);
                    profile.setDimensions(input, OptProfileSelector.kMIN, dims);
                    profile.setDimensions(input, OptProfileSelector.kOPT, dims);
                    profile.setDimensions(input, OptProfileSelector.kMAX, dims);
                    config.addOptimizationProfile(profile);
                }
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean releasesObjects() {
        return true;
    }

    @Override
    public void release(Pointer object) {
        if (object == null || object.isNull()) {
            return;
        }
        try {
            object.getClass().getMethod("destroy").invoke(object);
        } catch (ReflectiveOperationException e) {
            object.close();
        }
    }

    static Dims32 dims(long[] shape) {
        Dims32 d = new Dims32();
        d.nbDims(shape.length);
        for (int i = 0; i < shape.length; i++) {
            d.d(i, Math.toIntExact(shape[i]));
        }
        return d;
    }

    static long[] shape(Dims32 d) {
        long[] s = new long[Math.max(d.nbDims(), 0)];
        for (int i = 0; i < s.length; i++) {
            s[i] = d.d(i);
        }
        return s;
    }

    private static boolean dynamic(Dims32 d) {
        for (long v : shape(d)) {
            if (v < 0) {
                return true;
            }
        }
        return false;
    }
}
