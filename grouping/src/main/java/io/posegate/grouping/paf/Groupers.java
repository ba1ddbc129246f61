package io.posegate.grouping.paf;

import static java.util.Objects.requireNonNull;

import io.posegate.grouping.Grouper;
import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.Topology;
import io.posegate.grouping.openpose.OpenPoseGrouper;
import io.posegate.grouping.trtpose.TrtPoseGrouper;
import java.util.List;

/** Creates groupers by strategy name. Thread-safe; each created grouper is for one thread. */
public final class Groupers {
    /** The strategy names {@link #create} accepts. */
    public static final List<String> STRATEGIES = List.of(TrtPoseGrouper.STRATEGY, OpenPoseGrouper.STRATEGY);

    private Groupers() {
    }

    /**
     * A new grouper with its own workspace.
     *
     * @param strategy {@code "trt_pose"} (NVIDIA trt_pose's parser) or {@code "openpose"} (Open Model
     *                 Zoo's OpenPoseDecoder)
     * @throws IllegalArgumentException for an unknown strategy (naming it and the known ones), or parameters the
     *                                  strategy has no meaning for (an even openpose window)
     */
    public static Grouper create(String strategy, Topology topology, GroupingParams params) {
        requireNonNull(strategy, "strategy is null");
        requireNonNull(topology, "topology is null");
        requireNonNull(params, "params is null");
        return switch (strategy) {
            case TrtPoseGrouper.STRATEGY -> new TrtPoseGrouper(topology, params);
            case OpenPoseGrouper.STRATEGY -> new OpenPoseGrouper(topology, params);
            default -> throw new IllegalArgumentException("unknown grouping strategy '" + strategy
                    + "'; known strategies: " + String.join(", ", STRATEGIES));
        };
    }
}
