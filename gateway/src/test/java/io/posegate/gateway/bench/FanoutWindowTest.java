package io.posegate.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.SourceState;
import io.posegate.gateway.pipeline.Latency;
import io.posegate.gateway.pipeline.PoseFrame;
import io.posegate.gateway.pipeline.PoseFrameJson;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The fan-out bench's client-side counting reads real pose frames as bytes: seq, capture time, window. */
class FanoutWindowTest {
    private static Buffer frame(long seq, long captureMillis) {
        PoseFrame f = new PoseFrame("street-cam", seq, captureMillis, 768, 576, "human-pose-estimation-0001", "onnx", false,
                SourceState.LIVE, new Latency(1, 2, 3, 4, 10), 0, List.of(), List.of());
        return Buffer.buffer(PoseFrameJson.toJson(f).encode());
    }

    @Test
    void countsFramesOfTheWindowBySeqAndParsesEachCaptureTimeOnce() {
        Map<Long, Long> captures = new ConcurrentHashMap<>();
        FanoutWindow all = new FanoutWindow(captures);
        FanoutWindow some = new FanoutWindow(captures);
        long captured = System.currentTimeMillis() - 60_000;
        all.onFrame(frame(5, captured));
        all.open();
        some.open();
        all.onFrame(Buffer.buffer("{\"v\":1,\"type\":\"hello\",\"streams\":[]}"));
        for (long seq = 10; seq < 20; seq++) {
            all.onFrame(frame(seq, captured + seq));
            if (seq % 2 == 0) {
                some.onFrame(frame(seq, captured + seq));
            }
        }
        LatencyStats ages = new LatencyStats();
        assertEquals(8, all.count(11, 18, ages), "seq 11..18 of 10..19");
        assertEquals(4, some.count(11, 18, new LatencyStats()), "12, 14, 16, 18");
        assertEquals(0, all.count(0, 9, new LatencyStats()), "seq 5 arrived before the window opened");
        assertEquals(10, captures.size(), "one capture time per seq, shared by both clients");
        assertEquals(captured + 12, captures.get(12L), "ts parsed from the frame");
        assertTrue(ages.percentile(0) >= 60_000 - 20, "ages are arrival minus capture: " + ages.percentile(0));
    }
}
