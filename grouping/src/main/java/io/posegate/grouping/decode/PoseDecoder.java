package io.posegate.grouping.decode;

import io.posegate.grouping.Poses;
import io.posegate.grouping.Topology;
import java.util.List;

/**
 * Turns one frame of a network's outputs into people: one decoder per model family (PAF, PoseNet,
 * single-person heatmaps, associative embedding), made by name through {@link Decoders}.
 *
 * <p><b>Threading.</b> A decoder owns a reusable workspace and is used by one thread at a time: make one
 * per inference worker. <b>Allocation.</b> Once warmed up on maps of one size, {@link #decode} allocates
 * nothing. <b>Ownership.</b> The decoder keeps no reference to the maps after {@code decode} returns.
 * <b>Failure.</b> Maps that do not fit (missing role, wrong channel count, mismatched sizes), and maps
 * holding NaN or an infinity where the decoder reads them (a broken network output; see
 * {@link io.posegate.grouping.NonFinite}), raise an {@link IllegalArgumentException} naming the mismatch or
 * the role, channel and cell; the decoder stays usable for the next frame.
 *
 * <p><b>Coordinates</b> come out in map cells (cell i spans [i, i+1) on the heatmap grid); multiply by
 * {@link #pixelsPerCell} to get network-input pixels.
 */
public interface PoseDecoder {
    /** The registry name, e.g. {@code "paf"} or {@code "posenet"}. */
    String name();

    /** The skeleton whose keypoints {@link #decode} fills, in heatmap channel order. */
    Topology topology();

    /** The output roles {@link #decode} reads (see {@link OutputRoles}), in a fixed order. */
    List<String> roles();

    /** The output roles {@link #decode} also reads when the frame has them (as its factory's); none by default. */
    default List<String> optionalRoles() {
        return List.of();
    }

    /**
     * Decodes one frame. {@code out} is cleared first and filled with at most {@code out.capacity()}
     * people of {@code topology().keypointCount()} keypoints.
     *
     * @throws IllegalArgumentException if a role is missing or the maps do not fit (names the mismatch), or a map
     *                                  holds a non-finite value where it is read (names the role, channel, cell)
     */
    void decode(DecoderInputs maps, Poses out);

    /**
     * Network-input pixels per map cell along an axis whose input size is {@code inputSize} and map size
     * {@code mapSize}. By default their ratio; PoseNet's cells sit at {@code i * outputStride} with maps
     * of {@code (in - 1) / stride + 1} cells, so it answers its stride.
     */
    default double pixelsPerCell(int inputSize, int mapSize) {
        return (double) inputSize / mapSize;
    }
}
