package io.posegate.backend.openvino;

import io.posegate.spi.BackendException;
import io.posegate.spi.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OpenVINO's spelling of a device option: device names are upper case ({@code CPU}, {@code GPU.1},
 * {@code HETERO:GPU,CPU}) and OpenVINO refuses {@code cpu}, while the {@code onnx} backend's {@code device} is
 * lower case. Each device family is upper-cased, in a virtual device's list too; what follows a family (an index
 * such as {@code .1}, an id such as {@code .1.1-ma2480}, a batch size such as {@code (4)}) is kept as written.
 */
final class DeviceName {
    private DeviceName() {
    }

    /**
     * {@code device} in OpenVINO's spelling, e.g. {@code hetero:gpu.1,cpu} becomes {@code HETERO:GPU.1,CPU}.
     *
     * @throws BackendException {@link ErrorCode#INVALID_OPTION} for an empty name or an empty entry in a list
     */
    static String normalise(String device) {
        String d = device.trim();
        int colon = d.indexOf(':');
        if (colon < 0) {
            return single(d, device);
        }
        List<String> members = new ArrayList<>();
        for (String member : d.substring(colon + 1).split(",", -1)) {
            members.add(single(member.trim(), device));
        }
        return single(d.substring(0, colon).trim(), device) + ":" + String.join(",", members);
    }

    private static String single(String name, String whole) {
        if (name.isEmpty()) {
            throw new BackendException(ErrorCode.INVALID_OPTION, "option 'device' names an empty device in '" + whole
                    + "'; use CPU, GPU, MYRIAD, NPU, AUTO or HETERO:GPU,CPU");
        }
        int end = name.length();
        for (char stop : new char[] {'.', '('}) {
            int i = name.indexOf(stop);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return name.substring(0, end).toUpperCase(Locale.ROOT) + name.substring(end);
    }
}
