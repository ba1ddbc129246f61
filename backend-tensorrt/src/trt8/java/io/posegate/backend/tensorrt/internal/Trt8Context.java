package io.posegate.backend.tensorrt.internal;

import io.posegate.backend.tensorrt.engine.IoTensor;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.cudart.CUevent_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.tensorrt.nvinfer.ICudaEngine;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;

/** An execution context addressed by binding index (TensorRT 8). Confined to one thread at a time. */
final class Trt8Context implements BoundContext {
    private final ICudaEngine engine;
    private final IExecutionContext context;
    private final PointerPointer<Pointer> bindings;

    Trt8Context(ICudaEngine engine, IExecutionContext context) {
        this.engine = engine;
        this.context = context;
        this.bindings = new PointerPointer<>(engine.getNbBindings());
    }

    @Override
    public List<IoTensor> tensors() {
        List<IoTensor> list = new ArrayList<>();
        for (int i = 0; i < engine.getNbBindings(); i++) {
            int type = engine.getBindingDataType(i).value;
            list.add(new IoTensor(engine.getBindingName(i), engine.bindingIsInput(i), TrtTypes.element(type), TrtTypes.name(type),
                    Trt8Generation.shape(engine.getBindingDimensions(i))));
        }
        return list;
    }

    @Override
    public boolean setInputShape(String name, long[] shape) {
        return context.setBindingDimensions(index(name), Trt8Generation.dims(shape));
    }

    @Override
    public long[] contextShape(String name) {
        return Trt8Generation.shape(context.getBindingDimensions(index(name)));
    }

    @Override
    public void setAddress(String name, Pointer device) {
        bindings.put(index(name), device);
    }

    @Override
    public boolean enqueue(CUstream_st stream) {
        return context.enqueueV2(bindings, stream, (CUevent_st) null);
    }

    @Override
    public void release() {
        bindings.close();
    }

    private int index(String name) {
        int i = engine.getBindingIndex(name);
        if (i < 0) {
            throw new BackendException(ErrorCode.INTERNAL, "no binding '" + name + "' in the engine");
        }
        return i;
    }
}
