package io.posegate.backend.tensorrt.internal;

import static org.bytedeco.cuda.global.cudart.cudaGetErrorString;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;

/** Turns CUDA status codes into {@link BackendException}s naming the call. Stateless. */
final class Cuda {
    private Cuda() {
    }

    /** @throws BackendException with {@code code} naming {@code call} and CUDA's error text when {@code status != 0} */
    static void check(int status, String call, ErrorCode code) {
        if (status != 0) {
            throw new BackendException(code, call + " failed: CUDA error " + status + " (" + cudaGetErrorString(status).getString() + ")");
        }
    }
}
