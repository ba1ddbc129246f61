package io.posegate.gateway.model;

import io.posegate.grouping.GroupingParams;
import io.posegate.grouping.tracking.PublishRule;

/**
 * The grouping strategy named in a descriptor, its parameters, and what a grouped person needs to be
 * published as a person of its own ({@code grouping.minKeypoints}, {@code grouping.minPersonScore};
 * defaults per family, {@link PublishRule#forFamily}). The rule applies after grouping, in the tracker.
 */
public record GroupingSpec(String strategy, GroupingParams params, PublishRule publish) {
    /** With the publish rule of the family named like the strategy. */
    public GroupingSpec(String strategy, GroupingParams params) {
        this(strategy, params, PublishRule.forFamily(strategy));
    }
}
