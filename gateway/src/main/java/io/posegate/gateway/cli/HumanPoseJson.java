package io.posegate.gateway.cli;

import io.posegate.grouping.Topologies;
import io.posegate.grouping.Topology;
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
     * @throws IllegalArgumentException if either array is missing (a malformed pair is left to the topology to name)
     */
    static Topology read(Path file) throws IOException {
        JsonObject json = new JsonObject(Files.readString(file));
        JsonArray names = json.getJsonArray("keypoints");
        JsonArray skeleton = json.getJsonArray("skeleton");
        if (names == null || skeleton == null) {
            throw new IllegalArgumentException(file + ": a trt_pose topology needs \"keypoints\" and \"skeleton\" arrays");
        }
        List<String> keypoints = new ArrayList<>();
        names.forEach(n -> keypoints.add(String.valueOf(n)));
        List<int[]> pairs = new ArrayList<>();
        for (int k = 0; k < skeleton.size(); k++) {
            JsonArray pair = skeleton.getJsonArray(k);
            pairs.add(pair == null || pair.size() != 2 ? null : new int[] {pair.getInteger(0), pair.getInteger(1)});
        }
        return Topologies.trtPose(json.getString("name", file.getFileName().toString()), keypoints, pairs);
    }
}
