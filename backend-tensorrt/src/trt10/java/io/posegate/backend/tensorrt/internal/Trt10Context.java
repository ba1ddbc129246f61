package io.posegate.backend.tensorrt.internal;

import io.posegate.backend.tensorrt.engine.IoTensor;
import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorrt.global.nvinfer.TensorIOMode;
import org.bytedeco.tensorrt.nvinfer.ICudaEngine;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;

/** An execution context addressed by IO tensor name (TensorRT 10). Confined to one thread at a time. */
final class Trt10Context implements BoundContext {
    private final ICudaEngine engine;
    private final IExecutionContext context;

    Trt10Context(ICudaEngine engine, IExecutionContext context) {
        this.engine = engine;
        this.context = context;
    }

    @Override
    public List<IoTensor> tensors() {
        List<IoTensor> list = new ArrayList<>();
        for (int i = 0; i < engine.getNbIOTensors(); i++) {
            String name = engine.getIOTensorName(i);
            boolean input = engine.getTensorIOMode(name).value == TensorIOMode.kINPUT.value;
            int type = engine.getTensorDataType(name).value;
            list.add(new IoTensor(name, input, TrtTypes.element(type), TrtTypes.name(type), Trt10Generation.shape(engine.getTensorShape(name))));
        }
        return list;
    }

    @Override
    public boolean setInputShape(String name, long[] shape) {
        return context.setInputShape(name, Trt10Generation.dims(shape));
    }

    @Override
    public long[] contextShape(String name) {
        return Trt10Generation.shape(context.getTensorShape(name));
    }

    @Override
    public void setAddress(String name, Pointer device) {
        if (!context.setTensorAddress(name, device)) {
            throw new BackendException(ErrorCode.INTERNAL, "setTensorAddress('" + name + "') failed (see the TensorRT log)");
        }
    }

    @Override
    public boolean enqueue(CUstream_st stream) {
        return context.enqueueV3(stream);
    }

    @Override
    public void release() {
        // nothing of its own: the context is owned by the opener (and reused, see RetainedEngines)
    }
}
