package io.posegate.gateway.demo;

import io.posegate.gateway.ingest.QueryString;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.grouping.synth.MarkerCode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of a {@code demo:} URI: {@code demo:?people=4&width=640&height=360&fps=15}, and for
 * harder scenes {@code bar=true} (a moving occluding bar), {@code enter=true} (people walk out and back in)
 * and {@code jitter=0.5} (frame times vary by up to &plusmn;half a period; see {@link SceneOptions}).
 * Query parameters win over the spec's width, height and maxFps, which win over the defaults.
 */
record DemoUri(int people, int width, int height, double fps, SceneOptions options) {
    static final double DEFAULT_FPS = 15;

    /** @throws IllegalArgumentException naming the URI and the parameter that is wrong */
    static DemoUri parse(SourceSpec spec) {
        String uri = spec.uri();
        if (!spec.scheme().equals("demo")) {
            throw new IllegalArgumentException("not a demo source URI: '" + io.posegate.gateway.security.Redaction.uri(uri) + "'");
        }
        String rest = uri.substring(uri.indexOf(':') + 1);
        Map<String, String> q = new TreeMap<>();
        if (!rest.isEmpty()) {
            if (!rest.startsWith("?")) {
                throw new IllegalArgumentException("demo source URI '" + io.posegate.gateway.security.Redaction.uri(uri) + "' must be 'demo:' or 'demo:?key=value&...'");
            }
            q.putAll(QueryString.toMap(rest.substring(1), null, "demo source URI '" + io.posegate.gateway.security.Redaction.uri(uri) + "'"));
        }
        for (String key : q.keySet()) {
            if (!java.util.Set.of("people", "width", "height", "fps", "bar", "enter", "jitter").contains(key)) {
                throw new IllegalArgumentException("demo source URI '" + io.posegate.gateway.security.Redaction.uri(uri) + "': unknown parameter '" + key
                        + "'; known: bar, enter, fps, height, jitter, people, width");
            }
        }
        int people = intParam(uri, q, "people", DemoScene.DEFAULT_PEOPLE, 1, MarkerCode.DEMO.slots());
        int width = intParam(uri, q, "width", spec.width() > 0 ? spec.width() : DemoScene.DEFAULT_WIDTH, 64, 7680);
        int height = intParam(uri, q, "height", spec.height() > 0 ? spec.height() : DemoScene.DEFAULT_HEIGHT, 64, 4320);
        double fpsDefault = spec.maxFps() > 0 ? Math.min(DEFAULT_FPS, spec.maxFps()) : DEFAULT_FPS;
        double fps = fpsDefault;
        if (q.containsKey("fps")) {
            try {
                fps = Double.parseDouble(q.get("fps"));
            } catch (NumberFormatException e) {
                fps = Double.NaN;
            }
            if (!(fps > 0 && fps <= 240)) {
                throw new IllegalArgumentException("demo source URI '" + io.posegate.gateway.security.Redaction.uri(uri) + "': fps must be a number in (0, 240], got '" + q.get("fps") + "'");
            }
            if (spec.maxFps() > 0) {
                fps = Math.min(fps, spec.maxFps());
            }
        }
        double jitter = 0;
        if (q.containsKey("jitter")) {
            try {
                jitter = Double.parseDouble(q.get("jitter"));
            } catch (NumberFormatException e) {
                jitter = Double.NaN;
            }
            if (!(jitter >= 0 && jitter <= 0.9)) {
                throw new IllegalArgumentException("demo source URI '" + io.posegate.gateway.security.Redaction.uri(uri) + "': jitter must be a number in [0, 0.9], got '"
                        + q.get("jitter") + "'");
            }
        }
        SceneOptions options = new SceneOptions(flag(uri, q, "bar"), flag(uri, q, "enter"), jitter);
        return new DemoUri(people, width, height, fps, options);
    }

    private static boolean flag(String uri, Map<String, String> q, String key) {
        String v = q.getOrDefault(key, "false");
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("demo source URI '" + io.posegate.gateway.security.Redaction.uri(uri) + "': " + key + " must be true or false, got '" + v + "'");
        }
        return v.equals("true");
    }

    private static int intParam(String uri, Map<String, String> q, String key, int dflt, int min, int max) {
        String v = q.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("demo source URI '" + io.posegate.gateway.security.Redaction.uri(uri) + "': " + key + " must be an integer in ["
                + min + ", " + max + "], got '" + v + "'");
    }
}
