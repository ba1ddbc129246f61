package io.posegate.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bench client's field reader agrees with a full JSON parse on frames as the gateway writes them. */
class FrameFieldsTest {
    private static String frame(long captureMillis, double decode, double pre, double infer, double group) {
        JsonArray kps = new JsonArray().add(new JsonObject().put("name", "nose").put("x", 1.5).put("y", 2.25).put("score", 0.9))
                .addNull();
        return new JsonObject().put("v", 1).put("type", "poses").put("stream", "cam").put("seq", 7)
                .put("ts", Instant.ofEpochMilli(captureMillis).toString()).put("width", 768).put("height", 576)
                .put("state", new JsonObject().put("phase", "running"))
                .put("latencyMs", new JsonObject().put("decode", decode).put("preprocess", pre).put("infer", infer)
                        .put("group", group).put("total", 99.5))
                .put("dropped", 3).put("people", new JsonArray().add(new JsonObject().put("id", 4).put("score", 0.8)
                        .put("keypoints", kps))).encode();
    }

    @Test
    void captureTimesAndStageTimesMatchAFullParse() {
        Random random = new Random(13);
        long[] fixed = {0L, 1_000L, 1_764_547_200_000L, 1_764_547_200_100L, 1_764_547_200_120L, 1_764_547_200_123L,
                951_782_400_999L /* 2000-02-29 */, 4_102_444_799_999L};
        for (int i = 0; i < 2000; i++) {
            long t = i < fixed.length ? fixed[i] : Math.floorMod(random.nextLong(), 4_102_444_800_000L);
            double[] stages = {Math.round(random.nextDouble() * 1e4) / 100.0, 0.0, 123.45, 1e-2};
            String text = frame(t, stages[0], stages[1], stages[2], stages[3]);
            JsonObject full = new JsonObject(text);
            assertEquals(Instant.parse(full.getString("ts")).toEpochMilli(), FrameFields.captureMillis(text), full.getString("ts"));
            JsonObject l = full.getJsonObject("latencyMs");
            assertEquals(l.getDouble("decode"), FrameFields.number(text, "\"decode\":"));
            assertEquals(l.getDouble("preprocess"), FrameFields.number(text, "\"preprocess\":"));
            assertEquals(l.getDouble("infer"), FrameFields.number(text, "\"infer\":"));
            assertEquals(l.getDouble("group"), FrameFields.number(text, "\"group\":"));
        }
    }

    @Test
    void textItCannotReadIsReportedSoTheClientParsesItInFull() {
        for (String ts : new String[] {"2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-30 23:00:00Z", "yesterday",
                "2026-11-30T23:00:00+01:00", "2026-11-30T23:00:00.Z", "2026-11-30T24:00:00Z"}) {
            String text = "{\"type\":\"poses\",\"ts\":\"" + ts + "\"}";
            assertEquals(Long.MIN_VALUE, FrameFields.captureMillis(text), ts);
        }
        assertEquals(Long.MIN_VALUE, FrameFields.captureMillis("{\"type\":\"poses\"}"));
        assertTrue(Double.isNaN(FrameFields.number("{\"latencyMs\":{}}", "\"infer\":")));
        assertEquals(Instant.parse("2026-11-30T23:00:00.123456Z").toEpochMilli(),
                FrameFields.captureMillis("{\"ts\":\"2026-11-30T23:00:00.123456Z\"}"));
    }
}
