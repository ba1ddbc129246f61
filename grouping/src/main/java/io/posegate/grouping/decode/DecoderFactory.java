package io.posegate.grouping.decode;

import io.posegate.grouping.Topology;
import java.util.List;
import java.util.Map;

/**
 * Makes the decoders of one family. Registered as a {@link java.util.ServiceLoader} provider of this
 * interface (the built-in ones in this module's {@code META-INF/services}); found by {@link Decoders}.
 * Implementations are stateless and thread-safe; the decoders they make are for one thread each.
 */
public interface DecoderFactory {
    /** The name descriptors use, e.g. {@code "posenet"}. */
    String name();

    /** The output roles its decoders read (see {@link OutputRoles}). */
    List<String> roles();

    /** Every parameter it accepts, with its default value (for documentation and descriptor checks). */
    Map<String, Object> parameterDefaults();

    /**
     * A new decoder with its own workspace.
     *
     * @throws IllegalArgumentException naming an unknown parameter, a bad value, or a topology the family
     *                                  cannot decode (e.g. PoseNet needs COCO-17)
     */
    PoseDecoder create(Topology topology, DecoderParams params);
}
