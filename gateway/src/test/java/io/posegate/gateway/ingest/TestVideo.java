package io.posegate.gateway.ingest;

import java.nio.file.Path;

/** Test media for tests outside this package: a short real H.264 clip. */
public final class TestVideo {
    private TestVideo() {
    }

    /** 20 frames of 160x120 at 25 fps, H.264 in MPEG-TS (streamable over HTTP). */
    public static Path mpegTs(Path file) {
        return TestMedia.encodeVideo(file, "mpegts", 160, 120, 20, 25);
    }
}
