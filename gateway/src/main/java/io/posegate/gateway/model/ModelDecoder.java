package io.posegate.gateway.model;

import io.posegate.grouping.FeatureMap;
import io.posegate.grouping.Poses;
import io.posegate.grouping.decode.DecoderInputs;
import io.posegate.grouping.decode.Decoders;
import io.posegate.grouping.decode.OutputRoles;
import io.posegate.grouping.decode.PoseDecoder;
import io.posegate.spi.InferenceResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A descriptor's decoder (made by name from the one registry, {@link Decoders}) fed with the model's
 * outputs: each role the decoder reads is viewed over its tensor (see {@link RoleView}), and each of its
 * optional roles the descriptor maps too (the decoder sees the others as missing). People come out in
 * network-input pixels. Not thread-safe: one per inference worker and model.
 */
public final class ModelDecoder {
    private final ModelDescriptor descriptor;
    private final PoseDecoder decoder;
    private final List<String> roles;
    private final RoleView[] views;
    /** Per role, the name of the output tensor it reads. */
    private final String[] tensorNames;
    private final FeatureMap[] maps;
    /** The role whose map gives the grid size (the heatmaps, else the first role). */
    private final int gridRole;
    private final Map<String, Integer> index = new HashMap<>();
    private final DecoderInputs inputs;

    public ModelDecoder(ModelDescriptor d) {
        this.descriptor = d;
        this.decoder = Decoders.create(d.decoder().name(), d.topology(), d.decoder().params());
        List<String> mapped = new ArrayList<>(decoder.roles());
        for (String role : decoder.optionalRoles()) {
            if (d.output().tensors().containsKey(role)) {
                mapped.add(role);
            }
        }
        this.roles = List.copyOf(mapped);
        this.views = new RoleView[roles.size()];
        this.tensorNames = new String[roles.size()];
        this.maps = new FeatureMap[roles.size()];
        for (int i = 0; i < roles.size(); i++) {
            TensorRef ref = d.output().tensors().get(roles.get(i));
            if (ref == null) {
                throw new IllegalArgumentException("descriptor " + d.name() + " gives no output for role '" + roles.get(i)
                        + "' of decoder '" + decoder.name() + "'");
            }
            views[i] = new RoleView(roles.get(i), ref, d.output().layout());
            tensorNames[i] = ref.tensor();
            index.put(roles.get(i), i);
        }
        this.gridRole = index.getOrDefault(OutputRoles.HEATMAPS, 0);
        this.inputs = role -> {
            Integer i = index.get(role);
            return i == null ? null : maps[i];
        };
    }

    /**
     * Lets go of the output tensors (and the maps over them) kept from earlier frames: call it when the outputs will
     * come from another runtime, so the old one's output memory is not kept reachable from here.
     */
    public void forgetOutputs() {
        for (RoleView v : views) {
            v.clear();
        }
    }

    /** How many (tensor, item) maps the role views keep, over every role. */
    public int outputsKept() {
        int n = 0;
        for (RoleView v : views) {
            n += v.size();
        }
        return n;
    }

    public PoseDecoder decoder() {
        return decoder;
    }

    /**
     * Decodes one frame into {@code out} (cleared first), in network-input pixels.
     *
     * @throws IllegalArgumentException if an output does not fit the descriptor or the decoder, naming it
     */
    public void decode(InferenceResult result, Poses out) {
        decode(result, 0, out);
    }

    /**
     * Decodes frame {@code item} of a batched result (outputs {@code [N,...]}, item {@code i} being frame
     * {@code i}) into {@code out} (cleared first), in network-input pixels. Allocates nothing once warmed up when the
     * result hands out the same tensor objects every frame (as a worker's {@code HeldOutputs} does): the role views
     * are kept per (tensor, item).
     *
     * @throws IllegalArgumentException if an output does not fit the descriptor or the decoder, or has no such item
     */
    public void decode(InferenceResult result, int item, Poses out) {
        for (int i = 0; i < views.length; i++) {
            maps[i] = views[i].view(result.output(tensorNames[i]), item);
        }
        decoder.decode(inputs, out);
        FeatureMap grid = maps[gridRole];
        float sx = (float) decoder.pixelsPerCell(descriptor.input().width(), grid.width());
        float sy = (float) decoder.pixelsPerCell(descriptor.input().height(), grid.height());
        out.transform(sx, 0f, sy, 0f);
        java.util.Arrays.fill(maps, null);
    }
}
