package io.posegate.backend.openvino;

import io.posegate.backend.openvino.internal.OvCompiledModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What OpenVINO settled on for a compiled model: streams, threads, pinning, hint, precision and the number
 * of infer requests it would keep busy, read back from the compiled model. Logged once per open, so a
 * bench or a log shows the real settings; a property the device does not report is left out.
 */
final class SettledProperties {
    private static final Logger LOG = Logger.getLogger(SettledProperties.class.getName());
    static final List<String> KEYS = List.of("PERFORMANCE_HINT", "NUM_STREAMS", "INFERENCE_NUM_THREADS", "ENABLE_CPU_PINNING",
            "ENABLE_HYPER_THREADING", "SCHEDULING_CORE_TYPE", "INFERENCE_PRECISION_HINT", "OPTIMAL_NUMBER_OF_INFER_REQUESTS");

    private SettledProperties() {
    }

    static Map<String, String> read(OvCompiledModel compiled, OpenVinoOptions options) {
        Map<String, String> settled = new LinkedHashMap<>();
        for (String key : KEYS) {
            String v = compiled.property(key);
            if (v != null) {
                settled.put(key, v);
            }
        }
        LOG.info("OpenVINO " + options.device() + " compiled with " + settled + ", " + options.inferRequests() + " infer request(s)");
        String optimal = settled.get("OPTIMAL_NUMBER_OF_INFER_REQUESTS");
        if (optimal != null && optimal.matches("\\d+") && Integer.parseInt(optimal) > options.inferRequests()) {
            LOG.warning("OpenVINO would keep " + optimal + " infer requests busy on " + options.device() + " but inferRequests is "
                    + options.inferRequests() + "; set backends.openvino.inferRequests to " + optimal + " to use them");
        }
        return settled;
    }
}
