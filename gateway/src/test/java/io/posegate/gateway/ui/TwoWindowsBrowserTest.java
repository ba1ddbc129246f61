package io.posegate.gateway.ui;

import static io.posegate.gateway.ui.ManyStreamsBrowserTest.FETCH_SESSION;
import static io.posegate.gateway.ui.ManyStreamsBrowserTest.LIVE_MAX;
import static io.posegate.gateway.ui.ManyStreamsBrowserTest.STREAMS;
import static io.posegate.gateway.ui.ManyStreamsBrowserTest.previews;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;

/**
 * Two dashboard windows of one browser, both visible, on 7 streams: the browser's 6 connections per host are
 * shared by both, so the windows share the 3 live previews (preview-slots.js). The first window takes all 3;
 * the second one, which has focus, wants a slot for its selected card and the first window gives one back:
 * selecting another card there (cam5) plays it live within 20 s, and the windows then hold 2 and 1. The gateway's MJPEG {@code previews} count is sampled every 100 ms from before
 * the second window loads to the end: a count above 3 may last at most {@link #SETTLE_MS} in a row (a
 * handover: the gateway counts a closed MJPEG until it sees the connection end), and over the 5 s with both
 * windows settled it never exceeds 3. Both windows' API calls answer, and when one window closes the other
 * takes the slots.
 */
class TwoWindowsBrowserTest {
    static final String LIVE_CARDS = "return document.querySelectorAll('.card[data-preview=live]').length";
    /**
     * How long the count may stay above 3 in a row while a window starts or hands a slot over: generous, since a busy
     * CI host can delay a handover's messages and the gateway's count of a closed MJPEG; a lasting excess is caught by
     * the settled phase, where the count must never pass 3.
     */
    static final long SETTLE_MS = 10_000;

    @Test
    @SuppressWarnings("unchecked")
    void twoVisibleWindowsShareThreeLivePreviews() throws Exception {
        JsonObject streams = new JsonObject();
        for (int i = 1; i <= STREAMS; i++) {
            streams.put("cam" + i, new JsonObject().put("source", "demo:?people=1&fps=2"));
        }
        JsonObject cfg = new JsonObject().put("model", "demo-simulated").put("backend", "auto").put("streams", streams);
        try (UiGateway gateway = new UiGateway(cfg); Browser browser = Browser.start()) {
            var driver = browser.driver;
            driver.manage().window().setSize(new Dimension(1400, 2400)); // every card in view
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(40));
            driver.get(gateway.loginUrl("/"));
            browser.until("7 cards in the first window", 60, d -> d.findElements(By.cssSelector(".card")).size() == STREAMS);
            browser.until("its live previews open", 60, d -> previews(gateway) == LIVE_MAX);
            String first = driver.getWindowHandle();

            // from here on, the gateway's previews count every 100 ms; the longest run above 3
            AtomicBoolean sampling = new AtomicBoolean(true);
            AtomicLong longestOver = new AtomicLong();
            AtomicInteger most = new AtomicInteger();
            AtomicInteger samples = new AtomicInteger();
            Thread sampler = new Thread(() -> {
                long overSince = -1;
                while (sampling.get()) {
                    int n = previews(gateway);
                    long now = System.nanoTime();
                    samples.incrementAndGet();
                    most.accumulateAndGet(n, Math::max);
                    if (n > LIVE_MAX) {
                        overSince = overSince < 0 ? now : overSince;
                        longestOver.accumulateAndGet((now - overSince) / 1_000_000, Math::max);
                    } else {
                        overSince = -1;
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "previews-sampler");
            sampler.setDaemon(true);
            sampler.start();
            try {
                driver.switchTo().newWindow(WindowType.WINDOW);
                String second = driver.getWindowHandle();
                driver.manage().window().setSize(new Dimension(1400, 2400));
                driver.get(gateway.url("/"));
                browser.until("7 cards in the second window", 60, d -> d.findElements(By.cssSelector(".card")).size() == STREAMS);
                browser.until("stills in the second window", 30,
                        d -> ((Number) browser.js("return document.querySelectorAll('.card[data-preview=still]').length")).intValue() > 0);
                assertEquals("visible", browser.js("return document.visibilityState"), "the second window is visible");

                // the window in use: selecting a still card in the focused second window plays it live
                String card = ".card[data-stream=cam5]";
                assertEquals("still", driver.findElement(By.cssSelector(card)).getAttribute("data-preview"), "cam5 is a still first");
                driver.findElement(By.cssSelector(card)).click();
                assertEquals(Boolean.TRUE, browser.js("return document.hasFocus()"), "the second window has focus");
                browser.until("cam5 plays live in the second window", 20,
                        d -> "live".equals(d.findElement(By.cssSelector(card)).getAttribute("data-preview")));
                browser.until("cam5's MJPEG served", 20, d -> previews(gateway, "cam5") == 1);

                driver.switchTo().window(first);
                assertEquals("visible", browser.js("return document.visibilityState"), "the first window is visible");
                Thread.sleep(SETTLE_MS);

                // for 5 s, both windows visible and settled: never more than 3 previews from the gateway
                long end = System.nanoTime() + 5_000_000_000L;
                while (System.nanoTime() < end) {
                    int n = previews(gateway);
                    assertTrue(n <= LIVE_MAX, "live MJPEG previews served to both windows: " + n);
                    Thread.sleep(100);
                }
                int live = 0;
                for (String w : new String[] {first, second}) {
                    driver.switchTo().window(w);
                    Map<String, Object> r = (Map<String, Object>) driver.executeAsyncScript(FETCH_SESSION);
                    assertEquals(Boolean.TRUE, r.get("answered"), "a window's fetch('/api/session') answers: " + r);
                    int n = ((Number) browser.js(LIVE_CARDS)).intValue();
                    assertTrue(w.equals(first) ? n == LIVE_MAX - 1 : n == 1, "live cards in " + (w.equals(first) ? "the first" : "the second") + " window: " + n);
                    live += n;
                }
                assertEquals(LIVE_MAX, live, "live cards over both windows");
                assertEquals(LIVE_MAX, previews(gateway));
                assertEquals(1, previews(gateway, "cam5"), "the second window's selected card still plays live");

                // the first window closes: the second one takes the slots it gave back
                driver.switchTo().window(first);
                driver.close();
                driver.switchTo().window(second);
                browser.until("3 live cards in the second window", 30, d -> ((Number) browser.js(LIVE_CARDS)).intValue() == LIVE_MAX);
                browser.until("3 previews served", 30, d -> previews(gateway) == LIVE_MAX);
                Map<String, Object> r = (Map<String, Object>) driver.executeAsyncScript(FETCH_SESSION);
                assertEquals(Boolean.TRUE, r.get("answered"), "the remaining window's fetch answers: " + r);
            } finally {
                sampling.set(false);
                sampler.join(5000);
            }
            assertTrue(samples.get() > 50, "previews sampled: " + samples.get());
            assertTrue(longestOver.get() < SETTLE_MS, "more than 3 previews served for " + longestOver.get()
                    + " ms in a row (most: " + most.get() + ")");
            System.out.println("TwoWindowsBrowserTest: " + samples.get() + " samples, most " + most.get()
                    + " previews, longest above 3: " + longestOver.get() + " ms");
        }
    }
}
