package io.posegate.gateway.ingest.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code decode} option on a real H.264 clip with non-reference B-frames, read as a live source (every
 * packet, as fast as FFmpeg goes). Which frames would be dropped is scripted through the sink's
 * {@code full()}, so pictures are counted and compared byte for byte; nothing depends on timing.
 */
class DecodeModeTest {
    private static final int FRAMES = 64;
    @TempDir
    static Path dir;
    static Path clip;
    static List<String> types;
    static Run full;

    @BeforeAll
    static void encode() throws Exception {
        clip = BFrameClip.encode(dir.resolve("bframes.mp4"), FRAMES);
        types = BFrameClip.pictureTypes(clip);
        full = read(DecodeMode.ALL, ScriptedSink.neverFull());
    }

    @Test
    void theClipHasNonReferenceFramesAndAllDecodesEveryOne() {
        assertEquals(FRAMES, types.size(), "ffprobe sees every frame: " + types);
        assertTrue(types.contains("B"), "the clip has B-frames: " + types);
        assertEquals(FRAMES, full.decoded);
        assertEquals(FRAMES, full.frames.size());
    }

    @Test
    void allDecodesEveryFrameEvenWhenAllAreDropped() throws Exception {
        Run r = read(DecodeMode.ALL, ScriptedSink.alwaysFull());
        assertEquals(FRAMES, r.decoded);
        assertEquals(0, r.converted);
    }

    @Test
    void autoLeavesNonReferenceFramesUndecodedWhileFramesWouldBeDropped() throws Exception {
        ScriptedSink sink = ScriptedSink.alwaysFull();
        Run r = read(DecodeMode.AUTO, sink);
        long references = types.stream().filter(t -> !t.equals("B")).count();
        assertEquals(references, r.decoded, "only the I and P frames are decoded: " + types);
        assertEquals(0, r.converted);
        assertEquals(r.decoded, sink.skippedFrames(), "every decoded frame is still counted as dropped");
    }

    @Test
    void autoDecodesEveryFrameWhileNothingIsDropped() throws Exception {
        Run r = read(DecodeMode.AUTO, ScriptedSink.neverFull());
        assertEquals(FRAMES, r.decoded);
        assertEquals(FRAMES, r.converted);
        assertEquals(full.frames.size(), r.frames.size());
        for (int i = 0; i < FRAMES; i++) {
            assertTrue(Arrays.equals(full.frames.get(i), r.frames.get(i)), "frame " + i + " equals the full decode");
        }
    }

    @Test
    void framesUsedUnderAutoAreBitIdenticalToAFullDecode() throws Exception {
        // a worker that takes a frame every third check: most frames would be dropped, some are used
        Run r = read(DecodeMode.AUTO, new ScriptedSink(n -> n % 3 != 0));
        assertTrue(r.decoded < FRAMES, "some non-reference frames were left undecoded: " + r.decoded);
        assertTrue(r.frames.size() >= 5, "enough frames used to compare: " + r.frames.size());
        assertSubsequenceOfFull(r.frames, "auto");
    }

    @Test
    void fastSkipsDeblockingOnlyWhileMostFramesAreDropped() throws Exception {
        Run kept = read(DecodeMode.FAST, ScriptedSink.neverFull());
        assertFalse(kept.deblockingEverSkipped, "nothing dropped, deblocking stays on");
        assertSubsequenceOfFull(kept.frames, "fast without drops");
        assertEquals(FRAMES, kept.frames.size());

        // two checks per decoded frame (before decoding, before converting): two thirds of the frames are dropped
        Run dropping = read(DecodeMode.FAST, new ScriptedSink(n -> n % 3 != 0));
        assertTrue(dropping.deblockingEverSkipped, "two thirds dropped: deblocking is switched off");
        assertTrue(dropping.frames.size() >= 5, "enough frames used to compare: " + dropping.frames.size());
        long changed = dropping.frames.stream().filter(f -> full.frames.stream().noneMatch(g -> Arrays.equals(f, g))).count();
        assertTrue(changed > 0, "frames decoded without deblocking differ from the full decode");
    }

    @Test
    void keyframesDecodesOnlyKeyFrames() throws Exception {
        long keys = BFrameClip.keyFrames(clip).stream().filter(k -> k).count();
        Run r = read(DecodeMode.KEYFRAMES, ScriptedSink.neverFull());
        assertTrue(keys >= 2 && keys < FRAMES, "the clip has a few key frames: " + keys);
        assertEquals(keys, r.decoded);
        assertSubsequenceOfFull(r.frames, "keyframes");
    }

    @Test
    void theDecodeOptionIsParsedAndABadValueNamesTheKnownOnes() {
        FfmpegInput fast = FfmpegInputs.of(SourceSpec.of("file:" + clip + "#decode=fast"), IngestPolicy.defaults());
        assertEquals(DecodeMode.FAST, fast.decode());
        assertEquals(DecodeMode.AUTO, FfmpegInputs.of(SourceSpec.of("file:" + clip), IngestPolicy.defaults()).decode());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FfmpegInputs.of(SourceSpec.of("file:" + clip + "#decode=turbo"), IngestPolicy.defaults()));
        assertTrue(e.getMessage().contains("'decode'") && e.getMessage().contains("all, auto, fast, keyframes")
                && e.getMessage().contains("turbo"), e.getMessage());
    }

    @Test
    void eachStreamDecodesOnTheThreadsItAsksFor() throws Exception {
        // JavaCV asks FFmpeg for automatic threading (one per core plus one); the threads option must win
        for (int threads : new int[] {1, 2}) {
            FfmpegInput input = FfmpegInputs.of(SourceSpec.of("file:" + clip + "#threads=" + threads), IngestPolicy.defaults());
            FfmpegSource source = new FfmpegSource(input, new TargetSize(0, 0), 0);
            source.attach(ScriptedSink.neverFull());
            source.open();
            try {
                assertEquals(threads, source.decoderThreads(), "decoder threads with threads=" + threads);
            } finally {
                source.close();
            }
        }
    }

    /** Each frame equals a frame of the full decode, in the same order (frames of the test pattern all differ). */
    private static void assertSubsequenceOfFull(List<byte[]> frames, String mode) {
        int at = 0;
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            while (at < full.frames.size() && !Arrays.equals(full.frames.get(at), f)) {
                at++;
            }
            assertTrue(at < full.frames.size(), mode + ": used frame " + i + " is bit-identical to a later frame of the full decode");
            at++;
        }
    }

    private record Run(long decoded, long converted, List<byte[]> frames, boolean deblockingEverSkipped) {
    }

    /** Reads the clip once as a live source until it ends. */
    private static Run read(DecodeMode mode, ScriptedSink sink) throws IOException {
        FfmpegInput input = new FfmpegInput("file:" + clip, "test-camera", null, Map.of("protocol_whitelist", "file"),
                true, false, false, 1, mode);
        FfmpegSource source = new FfmpegSource(input, new TargetSize(0, 0), 0);
        source.attach(sink);
        source.open();
        List<byte[]> frames = new ArrayList<>();
        boolean skipped = false;
        try {
            while (true) {
                VideoFrame f = new VideoFrame();
                try {
                    if (!source.read(f)) {
                        break;
                    }
                } catch (IOException e) {
                    if (String.valueOf(e.getMessage()).endsWith("stream ended")) {
                        break;
                    }
                    throw e;
                }
                frames.add(Arrays.copyOf(f.bgr(), f.width() * f.height() * 3));
                skipped |= source.deblockingSkipped();
            }
            skipped |= source.deblockingSkipped();
        } finally {
            source.close();
        }
        return new Run(source.framesDecoded(), source.framesConverted(), frames, skipped);
    }
}
