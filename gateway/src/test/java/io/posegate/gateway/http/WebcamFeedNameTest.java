package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import org.junit.jupiter.api.Test;

/** {@code /ws?webcam=NAME}: the first valid, URL-decoded name, else the default feed. */
class WebcamFeedNameTest {
    @Test
    void takesTheFirstValidNameElseTheDefault() {
        assertEquals("cam", WebcamSocket.feedName("token=x&webcam=cam"));
        assertEquals("my.cam-2", WebcamSocket.feedName("webcam=my%2Ecam-2"));
        assertEquals("good", WebcamSocket.feedName("webcam=bad!&webcam=good&webcam=later"));
        assertEquals(WebcamHub.DEFAULT_NAME, WebcamSocket.feedName("webcam="));
        assertEquals(WebcamHub.DEFAULT_NAME, WebcamSocket.feedName("webcam"));
        assertEquals(WebcamHub.DEFAULT_NAME, WebcamSocket.feedName("webcams=cam"));
        assertEquals(WebcamHub.DEFAULT_NAME, WebcamSocket.feedName(null));
    }
}
