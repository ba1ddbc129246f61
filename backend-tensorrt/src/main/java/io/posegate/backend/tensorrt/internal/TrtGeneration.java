package io.posegate.backend.tensorrt.internal;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorrt.nvinfer.IBuilder;
import org.bytedeco.tensorrt.nvinfer.IBuilderConfig;
import org.bytedeco.tensorrt.nvinfer.ICudaEngine;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;
import org.bytedeco.tensorrt.nvinfer.INetworkDefinition;

/**
 * The calls that differ between TensorRT API generations: TensorRT 8.0 addresses IO by binding index
 * ({@code getBindingIndex}, {@code setBindingDimensions}, {@code enqueueV2}) with {@code Dims32}, TensorRT 10 by
 * IO tensor name ({@code getIOTensorName}, {@code setInputShape}, {@code setTensorAddress}, {@code enqueueV3})
 * with {@code Dims64}; object release and builder memory limits differ too. Each implementation lives in a
 * profile-specific source folder and only one is compiled per build (see README); {@link Generations} picks it
 * from the loaded libnvinfer's version. Implementations are stateless.
 */
public interface TrtGeneration {
    /** A human description, e.g. "TensorRT 10 named IO tensors". */
    String name();

    /** True if this generation can drive a libnvinfer of this major version. */
    boolean supports(int major);

    /** Wraps an execution context of {@code engine}. */
    BoundContext bind(ICudaEngine engine, IExecutionContext context);

    /** Flags for {@code IBuilder.createNetworkV2} giving an explicit-batch network. */
    int networkFlags();

    /** Sets the builder's workspace limit. */
    void setWorkspace(IBuilderConfig config, long bytes);

    /**
     * Adds an optimisation profile fixing {@code input} to {@code shape} when the network's input is dynamic.
     *
     * @return false if the network has no input of that name
     */
    boolean fixInputShape(IBuilder builder, IBuilderConfig config, INetworkDefinition network, String input, long[] shape);

    /**
     * True if {@link #release} really frees TensorRT objects. When false, engines and contexts are kept for reuse in
     * {@link RetainedEngines} instead of being leaked once per session.
     */
    boolean releasesObjects();

    /** Frees a TensorRT object where the preset allows it (TensorRT 8: {@code destroy()}). Null-safe. */
    void release(Pointer object);
}
