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

    /** The output roles its decoders read (see {@link OutputRoles}); a descriptor must map each. */
    List<String> roles();

    /**
     * The output roles its decoders also read when the frame has them (none by default): a descriptor may map
     * each, and the decoder falls back to its own work where it does not (e.g. associative embedding's
     * {@code nms_heatmaps}).
     */
    default List<String> optionalRoles() {
        return List.of();
    }

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
