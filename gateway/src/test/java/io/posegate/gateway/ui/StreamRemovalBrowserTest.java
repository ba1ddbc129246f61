package io.posegate.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A stream removed while the dashboard shows it: its card goes, and so does its preview for good (the page
 * sends no request for its MJPEG afterwards, and drops its charts); when a stream of that name comes back,
 * the gateway serves exactly one MJPEG of it to the page. Chromium's network events say what the page sent.
 */
class StreamRemovalBrowserTest {
    static final String MJPEG = "/api/streams/tmp/mjpeg";
    /** Longer than two of the old code's 3 s preview retries: a leaked preview asks again within it. */
    static final int WATCH_SECONDS = 8;

    @Test
    void aRemovedStreamsPreviewStopsAndAReAddedStreamHasOne() throws Exception {
        JsonObject tmp = new JsonObject().put("source", "demo:?people=1&fps=5");
        try (UiGateway gateway = new UiGateway(UiGateway.demoConfig()); Browser browser = Browser.startWithNetworkLog()) {
            NetworkLog net = new NetworkLog(browser);
            browser.driver.get(gateway.loginUrl("/"));
            assertEquals(200, gateway.request(HttpMethod.PUT, "/api/streams/tmp", tmp).status());
            browser.until("the tmp card's MJPEG open", 60, d -> previews(gateway) == 1);
            browser.until("the tmp stream's charts started", 60, d -> browser.js("return window.posegate.histories.has('tmp') || null"));

            assertEquals(204, gateway.request(HttpMethod.DELETE, "/api/streams/tmp", null).status());
            browser.until("the tmp card gone", 30, d -> browser.js("return document.querySelector('.card[data-stream=tmp]') ? null : 1"));
            long asked = net.sent(MJPEG);
            watch(() -> assertEquals(asked, net.sent(MJPEG), "no request for a removed stream's preview: " + net.sent(MJPEG)));
            assertEquals(false, browser.js("return window.posegate.histories.has('tmp')"), "the removed stream's charts are dropped");

            assertEquals(200, gateway.request(HttpMethod.PUT, "/api/streams/tmp", tmp).status());
            browser.until("the re-added tmp card's MJPEG open", 60, d -> previews(gateway) >= 1);
            watch(() -> assertEquals(1, previews(gateway), "one MJPEG for the re-added stream"));
        }
    }

    /** The MJPEG previews of tmp the gateway serves now. */
    static int previews(UiGateway gateway) {
        try {
            return gateway.json("/api/streams/tmp").getInteger("previews");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Checks {@code check} again and again for {@value #WATCH_SECONDS} s: it must hold throughout. */
    private static void watch(Runnable check) throws InterruptedException {
        long end = System.nanoTime() + WATCH_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            check.run();
            Thread.sleep(200);
        }
        check.run();
    }
}
