package io.posegate.gateway.model;

import io.posegate.grouping.GroupingParams;

/** The grouping strategy named in a descriptor and its parameters. */
public record GroupingSpec(String strategy, GroupingParams params) {
}
