package io.posegate.backend.tensorrt.internal;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorrt.global.nvinfer.MemoryPoolType;
import org.bytedeco.tensorrt.global.nvinfer.OptProfileSelector;
import org.bytedeco.tensorrt.nvinfer.Dims64;
import org.bytedeco.tensorrt.nvinfer.IBuilder;
import org.bytedeco.tensorrt.nvinfer.IBuilderConfig;
import org.bytedeco.tensorrt.nvinfer.ICudaEngine;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;
import org.bytedeco.tensorrt.nvinfer.INetworkDefinition;
import org.bytedeco.tensorrt.nvinfer.IOptimizationProfile;
import org.bytedeco.tensorrt.nvinfer.ITensor;

/**
 * TensorRT 10: IO tensors addressed by name, {@code Dims64}, memory pools, explicit batch by default. The
 * 10.15-1.5.13 preset has no {@code destroy()} and attaches no deallocator to objects TensorRT returns, so
 * {@link #release} only drops the Java peer and engines/contexts are reused through {@link RetainedEngines}. Stateless.
 */
public final class Trt10Generation implements TrtGeneration {
    @Override
    public String name() {
        return BindingInfo.GENERATION;
    }

    @Override
    public boolean supports(int major) {
        return major >= 10;
    }

    @Override
    public BoundContext bind(ICudaEngine engine, IExecutionContext context) {
        return new Trt10Context(engine, context);
    }

    @Override
    public int networkFlags() {
        return 0;
    }

    @Override
    public void setWorkspace(IBuilderConfig config, long bytes) {
        config.setMemoryPoolLimit(MemoryPoolType.kWORKSPACE, bytes);
    }

    @Override
    public boolean fixInputShape(IBuilder builder, IBuilderConfig config, INetworkDefinition network, String input, long[] shape) {
        for (int i = 0; i < network.getNbInputs(); i++) {
            ITensor t = network.getInput(i);
            if (t.getName().equals(input)) {
                if (dynamic(t.getDimensions())) {
                    IOptimizationProfile profile = builder.createOptimizationProfile();
                    Dims64 dims = dims(shape);
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
        return false;
    }

    @Override
    public void release(Pointer object) {
        if (object != null && !object.isNull()) {
            object.close();
        }
    }

    static Dims64 dims(long[] shape) {
        Dims64 d = new Dims64();
        d.nbDims(shape.length);
        for (int i = 0; i < shape.length; i++) {
            d.d(i, shape[i]);
        }
        return d;
    }

    static long[] shape(Dims64 d) {
        long[] s = new long[Math.max(d.nbDims(), 0)];
        for (int i = 0; i < s.length; i++) {
            s[i] = d.d(i);
        }
        return s;
    }

    private static boolean dynamic(Dims64 d) {
        for (long v : shape(d)) {
            if (v < 0) {
                return true;
            }
        }
        return false;
    }
}
