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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;

/**
 * Two dashboard windows of one browser, both visible, on 7 streams: the browser's 6 connections per host are
 * shared by both, so the windows share the 3 live previews (preview-slots.js). The gateway never serves more
 * than 3 MJPEG previews, both windows' API calls answer, and when one window closes the other takes the slots.
 */
class TwoWindowsBrowserTest {
    static final String LIVE_CARDS = "return document.querySelectorAll('.card[data-preview=live]').length";

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

            driver.switchTo().newWindow(WindowType.WINDOW);
            String second = driver.getWindowHandle();
            driver.manage().window().setSize(new Dimension(1400, 2400));
            driver.get(gateway.url("/"));
            browser.until("7 cards in the second window", 60, d -> d.findElements(By.cssSelector(".card")).size() == STREAMS);
            browser.until("stills in the second window", 30,
                    d -> ((Number) browser.js("return document.querySelectorAll('.card[data-preview=still]').length")).intValue() > 0);
            assertEquals("visible", browser.js("return document.visibilityState"), "the second window is visible");
            driver.switchTo().window(first);
            assertEquals("visible", browser.js("return document.visibilityState"), "the first window is visible");

            // for 5 s, both windows visible: never more than 3 previews from the gateway
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
                live += ((Number) browser.js(LIVE_CARDS)).intValue();
            }
            assertEquals(LIVE_MAX, live, "live cards over both windows");
            assertEquals(LIVE_MAX, previews(gateway));

            // the first window closes: the second one takes the slots it gave back
            driver.switchTo().window(first);
            driver.close();
            driver.switchTo().window(second);
            browser.until("3 live cards in the second window", 30, d -> ((Number) browser.js(LIVE_CARDS)).intValue() == LIVE_MAX);
            browser.until("3 previews served", 30, d -> previews(gateway) == LIVE_MAX);
            Map<String, Object> r = (Map<String, Object>) driver.executeAsyncScript(FETCH_SESSION);
            assertEquals(Boolean.TRUE, r.get("answered"), "the remaining window's fetch answers: " + r);
        }
    }
}
