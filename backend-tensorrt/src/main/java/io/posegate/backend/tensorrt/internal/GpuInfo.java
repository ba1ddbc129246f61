package io.posegate.backend.tensorrt.internal;

import static org.bytedeco.cuda.global.cudart.cudaGetDeviceCount;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceProperties;
import static org.bytedeco.cuda.global.cudart.cudaSetDevice;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import org.bytedeco.cuda.cudart.cudaDeviceProp;

/**
 * The CUDA device a session runs on: its index, name and compute capability (engine cache key parts).
 *
 * @param index             the CUDA device index
 * @param name              e.g. {@code "NVIDIA Tegra X1"}
 * @param computeCapability e.g. {@code "5.3"}
 */
record GpuInfo(int index, String name, String computeCapability) {
    /** Makes {@code index} the calling thread's current device and describes it. */
    static GpuInfo select(int index) {
        int[] count = new int[1];
        Cuda.check(cudaGetDeviceCount(count), "cudaGetDeviceCount", ErrorCode.DEVICE_UNAVAILABLE);
        if (index >= count[0]) {
            throw new BackendException(ErrorCode.DEVICE_UNAVAILABLE, "CUDA device " + index + " does not exist; this machine has "
                    + count[0] + " CUDA device(s)");
        }
        Cuda.check(cudaSetDevice(index), "cudaSetDevice(" + index + ")", ErrorCode.DEVICE_UNAVAILABLE);
        try (cudaDeviceProp prop = new cudaDeviceProp()) {
            Cuda.check(cudaGetDeviceProperties(prop, index), "cudaGetDeviceProperties(" + index + ")", ErrorCode.DEVICE_UNAVAILABLE);
            return new GpuInfo(index, prop.name().getString().trim(), prop.major() + "." + prop.minor());
        }
    }

    /** The SPI device name, e.g. {@code "CUDA:0 (NVIDIA Tegra X1)"}. */
    String device() {
        return "CUDA:" + index + " (" + name + ")";
    }
}
