package io.posegate.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Seven streams on one page: a browser opens at most 6 HTTP/1.1 connections to a host, so the dashboard must
 * not hold one MJPEG per card. The page's own API calls still answer, at most 3 previews play live (the
 * gateway counts them), the other cards show stills, selecting a still card plays it live, and a hidden tab plays none.
 */
class ManyStreamsBrowserTest {
    static final int STREAMS = 7;
    static final int LIVE_MAX = 3;
    /** A fetch from the page, answered or not within 20 s (a deadline, not a speed check: it hangs for good when the connections are gone). */
    static final String FETCH_SESSION = """
            const done = arguments[arguments.length - 1];
            const timer = setTimeout(() => done({answered: false}), 20000);
            fetch('/api/session', {cache: 'no-store'}).then(
              (r) => { clearTimeout(timer); done({answered: true, status: r.status}); },
              (e) => { clearTimeout(timer); done({answered: false, error: String(e)}); });
            """;
    static final String PICTURES = """
            return [...document.querySelectorAll('.card')].filter((c) => c.querySelector('img').naturalWidth > 0).length;
            """;

    @Test
    @SuppressWarnings("unchecked")
    void sevenStreamsLeaveRoomForTheApiAndPlayAtMostThreeLive() throws Exception {
        JsonObject streams = new JsonObject();
        for (int i = 1; i <= STREAMS; i++) {
            streams.put("cam" + i, new JsonObject().put("source", "demo:?people=1&fps=2"));
        }
        JsonObject cfg = new JsonObject().put("model", "demo-simulated").put("backend", "auto").put("streams", streams);
        try (UiGateway gateway = new UiGateway(cfg); Browser browser = Browser.start()) {
            browser.driver.manage().window().setSize(new Dimension(1400, 2400)); // every card in view
            browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(40));
            browser.driver.get(gateway.loginUrl("/"));
            browser.until("7 cards", 60, d -> d.findElements(By.cssSelector(".card")).size() == STREAMS);
            browser.until("live previews open", 60, d -> previews(gateway) >= LIVE_MAX);

            Map<String, Object> r = (Map<String, Object>) browser.driver.executeAsyncScript(FETCH_SESSION);
            assertEquals(Boolean.TRUE, r.get("answered"), "the page's fetch('/api/session') answers: " + r);
            assertEquals(200L, ((Number) r.get("status")).longValue(), r.toString());

            browser.until("a picture on every card", 60, d -> ((Number) browser.js(PICTURES)).intValue() == STREAMS);
            assertEquals(LIVE_MAX, previews(gateway), "live MJPEG previews served to the page");
            assertEquals(LIVE_MAX, ((Number) browser.js("return document.querySelectorAll('.card[data-preview=live]').length")).intValue());
            assertEquals(STREAMS - LIVE_MAX, ((Number) browser.js("return document.querySelectorAll('.card[data-preview=still]').length")).intValue());

            browser.driver.findElement(By.cssSelector(".card[data-stream=cam7]")).click();
            browser.until("cam7 playing live", 30, d -> previews(gateway, "cam7") == 1);
            browser.until("back to 3 live previews", 30, d -> previews(gateway) == LIVE_MAX);
            assertEquals("live", browser.js("return document.querySelector('.card[data-stream=cam7]').dataset.preview"));
            Map<String, Object> again = (Map<String, Object>) browser.driver.executeAsyncScript(FETCH_SESSION);
            assertTrue(Boolean.TRUE.equals(again.get("answered")), "still answers after the switch of previews: " + again);

            String dashboard = browser.driver.getWindowHandle();
            browser.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB).get("about:blank");
            browser.until("no previews while the dashboard's tab is hidden", 30, d -> previews(gateway) == 0);
            browser.driver.close();
            browser.driver.switchTo().window(dashboard);
            browser.until("live previews again once it is shown", 30, d -> previews(gateway) == LIVE_MAX);
        }
    }

    /** The MJPEG previews the gateway serves now, over all streams. */
    static int previews(UiGateway gateway) {
        return previews(gateway, null);
    }

    static int previews(UiGateway gateway, String stream) {
        try {
            JsonArray a = gateway.json("/api/streams").getJsonArray("streams");
            int n = 0;
            for (int i = 0; i < a.size(); i++) {
                JsonObject s = a.getJsonObject(i);
                if (stream == null || stream.equals(s.getString("id"))) {
                    n += s.getInteger("previews");
                }
            }
            return n;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
