package io.posegate.gateway.cli;

import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads trt_pose's COCO-category topology file ({@code human_pose.json}) for {@code posegate group --topology}. */
final class HumanPoseJson {
    private HumanPoseJson() {
    }

    /**
     * {"keypoints": [names], "skeleton": [[a, b], ...] 1-based}; the name is the file's {@code name} or its file name.
     *
     * @throws IllegalArgumentException naming the file and the field that is missing or malformed: not a JSON
     *                                  object, {@code keypoints} not an array of strings, {@code skeleton} not an
     *                                  array of pairs of whole numbers (a fractional number is refused, not
     *                                  truncated), {@code name} not a string; numbers out of range are named by
     *                                  {@link Topologies#trtPose}
     */
    static Topology read(Path file) throws IOException {
        JsonObject json;
        try {
            json = new JsonObject(Files.readString(file));
        } catch (DecodeException e) {
            throw new IllegalArgumentException(file + ": not a JSON object: " + e.getMessage());
        }
        Object names = json.getValue("keypoints");
        Object skeleton = json.getValue("skeleton");
        if (names == null || skeleton == null) {
            throw new IllegalArgumentException(file + ": a trt_pose topology needs \"keypoints\" and \"skeleton\" arrays");
        }
        return Topologies.trtPose(name(file, json), keypoints(file, names), pairs(file, skeleton));
    }

    private static String name(Path file, JsonObject json) {
        Object name = json.getValue("name");
        if (name == null) {
            return file.getFileName().toString();
        }
        if (!(name instanceof String s)) {
            throw new IllegalArgumentException(file + ": \"name\" must be a string, got " + name);
        }
        return s;
    }

    private static List<String> keypoints(Path file, Object names) {
        if (!(names instanceof JsonArray array)) {
            throw new IllegalArgumentException(file + ": \"keypoints\" must be an array of keypoint names, got " + names);
        }
        List<String> keypoints = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String s)) {
                throw new IllegalArgumentException(file + ": keypoints entry " + i + " must be a name (a string), got "
                        + array.getValue(i));
            }
            keypoints.add(s);
        }
        return keypoints;
    }

    private static List<int[]> pairs(Path file, Object skeleton) {
        if (!(skeleton instanceof JsonArray array)) {
            throw new IllegalArgumentException(file + ": \"skeleton\" must be an array of [a, b] pairs of 1-based keypoint "
                    + "numbers, got " + skeleton);
        }
        List<int[]> pairs = new ArrayList<>();
        for (int k = 0; k < array.size(); k++) {
            Object entry = array.getValue(k);
            if (!(entry instanceof JsonArray pair) || pair.size() != 2 || !whole(pair.getValue(0)) || !whole(pair.getValue(1))) {
                throw new IllegalArgumentException(file + ": skeleton entry " + k
                        + " must be two 1-based keypoint numbers, got " + entry);
            }
            pairs.add(new int[] {((Number) pair.getValue(0)).intValue(), ((Number) pair.getValue(1)).intValue()});
        }
        return pairs;
    }

    /** A JSON number with no fractional part, within int range. */
    private static boolean whole(Object v) {
        if (!(v instanceof Number n)) {
            return false;
        }
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE;
    }
}
