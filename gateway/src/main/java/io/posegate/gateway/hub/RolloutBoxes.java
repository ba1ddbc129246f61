package io.posegate.gateway.hub;

import java.util.List;

/** The boxes a rollout goes to, in the order it takes them. */
final class RolloutBoxes {
    private RolloutBoxes() {
    }

    /**
     * {@code spec}'s box, or the boxes of its group in {@code table}, online ones first, each part by id.
     *
     * @throws IllegalArgumentException when the box is not in the fleet or the group has no box
     */
    static List<String> of(BoxTable table, RolloutSpec spec) {
        List<String> boxes;
        if (spec.box() != null) {
            if (table.box(spec.box()) == null) {
                throw new IllegalArgumentException("no box '" + spec.box() + "' in the fleet");
            }
            boxes = List.of(spec.box());
        } else {
            boxes = table.list(spec.group(), null).stream()
                    .sorted(java.util.Comparator.comparing((Box b) -> !"online".equals(b.state())).thenComparing(b -> b.id))
                    .map(b -> b.id).toList();
            if (boxes.isEmpty()) {
                throw new IllegalArgumentException("no box in group '" + spec.group() + "'");
            }
        }
        return boxes;
    }
}
