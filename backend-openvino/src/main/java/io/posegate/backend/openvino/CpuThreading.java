package io.posegate.backend.openvino;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How OpenVINO's CPU device spreads inference over the cores ({@code backends.openvino.*}); each option
 * left unset keeps OpenVINO's own default, and each set one becomes a compile property.
 *
 * @param numStreams         {@code numStreams}: a positive number or {@code AUTO} ({@code NUM_STREAMS}); each stream runs
 *                           one infer request at a time on its share of the cores, so N streams want N infer requests
 * @param cpuPinning         {@code cpuPinning}: true/false ({@code ENABLE_CPU_PINNING}); OpenVINO pins its threads to
 *                           cores by default on Linux
 * @param hyperThreading     {@code hyperThreading}: true/false ({@code ENABLE_HYPER_THREADING})
 * @param schedulingCoreType {@code schedulingCoreType}: ANY_CORE, PCORE_ONLY or ECORE_ONLY ({@code SCHEDULING_CORE_TYPE})
 * @param tbbPartitioner     {@code tbbPartitioner}: STATIC or AUTO ({@code TBB_PARTITIONER}; present in OpenVINO 2026.4.1):
 *                           how a layer's work is split between the stream's threads, fixed halves or work stealing
 */
public record CpuThreading(String numStreams, Boolean cpuPinning, Boolean hyperThreading, String schedulingCoreType,
                           String tbbPartitioner) {
    static final Set<String> KEYS = Set.of("numStreams", "cpuPinning", "hyperThreading", "schedulingCoreType", "tbbPartitioner");
    private static final Set<String> CORE_TYPES = Set.of("ANY_CORE", "PCORE_ONLY", "ECORE_ONLY");
    private static final Set<String> PARTITIONERS = Set.of("STATIC", "AUTO");

    /** @throws BackendException {@link ErrorCode#INVALID_OPTION} naming the option and the accepted values */
    static CpuThreading parse(BackendOptions options) {
        String streams = options.get("numStreams", null);
        if (streams != null) {
            streams = streams.trim().toUpperCase(Locale.ROOT);
            if (!streams.equals("AUTO")) {
                int n = options.getInt("numStreams", 1);
                if (n < 1 || n > 64) {
                    throw invalid("option 'numStreams' must be AUTO or between 1 and 64, got '" + options.get("numStreams", "") + "'");
                }
                streams = Integer.toString(n);
            }
        }
        Boolean pinning = options.get("cpuPinning", null) == null ? null : options.getBoolean("cpuPinning", true);
        Boolean ht = options.get("hyperThreading", null) == null ? null : options.getBoolean("hyperThreading", true);
        return new CpuThreading(streams, pinning, ht, oneOf(options, "schedulingCoreType", CORE_TYPES),
                oneOf(options, "tbbPartitioner", PARTITIONERS));
    }

    /** The stream count when given as a number, else 0 (unset or AUTO). */
    int fixedStreams() {
        return numStreams == null || numStreams.equals("AUTO") ? 0 : Integer.parseInt(numStreams);
    }

    /** Adds the OpenVINO compile properties of the options that are set. */
    void addTo(Map<String, String> properties) {
        if (numStreams != null) {
            properties.put("NUM_STREAMS", numStreams);
        }
        if (cpuPinning != null) {
            properties.put("ENABLE_CPU_PINNING", cpuPinning ? "YES" : "NO");
        }
        if (hyperThreading != null) {
            properties.put("ENABLE_HYPER_THREADING", hyperThreading ? "YES" : "NO");
        }
        if (schedulingCoreType != null) {
            properties.put("SCHEDULING_CORE_TYPE", schedulingCoreType);
        }
        if (tbbPartitioner != null) {
            properties.put("TBB_PARTITIONER", tbbPartitioner);
        }
    }

    private static String oneOf(BackendOptions options, String key, Set<String> allowed) {
        String v = options.get(key, null);
        if (v == null) {
            return null;
        }
        String upper = v.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw invalid("option '" + key + "' must be one of " + new TreeSet<>(allowed) + ", got '" + v + "'");
        }
        return upper;
    }

    private static BackendException invalid(String message) {
        return new BackendException(ErrorCode.INVALID_OPTION, message);
    }
}
