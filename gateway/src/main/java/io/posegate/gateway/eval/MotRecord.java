package io.posegate.gateway.eval;

import io.posegate.grouping.metrics.MotFrame;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes evaluation frames as JSON lines, one frame a line:
 * {@code {"frame":n,"objects":[ids],"hypotheses":[ids],"distances":[[d or null,...],...]}} (rows are
 * objects, null where a pair may not match), the input of PyPI {@code motmetrics}' {@code MOTAccumulator.update}.
 */
public final class MotRecord {
    private MotRecord() {
    }

    public static void write(List<MotFrame> frames, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int n = 0; n < frames.size(); n++) {
                MotFrame f = frames.get(n);
                StringBuilder b = new StringBuilder("{\"frame\":").append(n).append(",\"objects\":");
                ints(b, f.objects());
                b.append(",\"hypotheses\":");
                ints(b, f.hypotheses());
                b.append(",\"distances\":[");
                for (int o = 0; o < f.objects().length; o++) {
                    b.append(o == 0 ? "[" : ",[");
                    for (int h = 0; h < f.hypotheses().length; h++) {
                        float d = f.distance(o, h);
                        b.append(h == 0 ? "" : ",").append(Float.isFinite(d) ? Float.toString(d) : "null");
                    }
                    b.append(']');
                }
                w.write(b.append("]}\n").toString());
            }
        }
    }

    private static void ints(StringBuilder b, int[] values) {
        b.append('[');
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(values[i]);
        }
        b.append(']');
    }
}
