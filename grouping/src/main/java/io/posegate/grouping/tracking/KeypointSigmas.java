package io.posegate.grouping.tracking;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * COCO's per-keypoint OKS sigmas (how far, relative to the person's size, annotators disagree), looked
 * up by keypoint name. Names are matched ignoring case and underscores, with "r"/"l" prefixes read as
 * right/left (so "RShoulder", "right_shoulder" and "rightshoulder" agree). Thread-safe.
 */
public final class KeypointSigmas {
    /** Sigma for names COCO does not define (the neck, custom points): a shoulder's. */
    public static final float DEFAULT = 0.079f;
    private static final Map<String, Float> COCO = Map.ofEntries(Map.entry("nose", 0.026f),
            Map.entry("eye", 0.025f), Map.entry("ear", 0.035f), Map.entry("shoulder", 0.079f),
            Map.entry("elbow", 0.072f), Map.entry("wrist", 0.062f), Map.entry("hip", 0.107f),
            Map.entry("knee", 0.087f), Map.entry("ankle", 0.089f));

    private KeypointSigmas() {
    }

    /** One sigma per name, in order. */
    public static float[] forNames(List<String> names) {
        requireNonNull(names, "names is null");
        float[] sigmas = new float[names.size()];
        for (int i = 0; i < sigmas.length; i++) {
            sigmas[i] = forName(requireNonNull(names.get(i), "keypoint name " + i + " is null"));
        }
        return sigmas;
    }

    static float forName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
        for (String side : new String[] {"right", "left"}) {
            if (n.startsWith(side)) {
                n = n.substring(side.length());
            }
        }
        Float exact = COCO.get(n);
        if (exact == null && (n.startsWith("r") || n.startsWith("l"))) {
            exact = COCO.get(n.substring(1));
        }
        return exact == null ? DEFAULT : exact;
    }
}
