package io.posegate.gateway.ui;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.logging.LogEntry;

/**
 * The requests the page sent, as Chromium reports them: CDP {@code Network.requestWillBeSent} events from
 * ChromeDriver's performance log (a browser from {@link Browser#startWithNetworkLog}). Only what was sent:
 * Chromium reports an MJPEG image as finished after its first part although its connection stays open, so
 * open previews are counted by the gateway ({@code previews} in {@code /api/streams}). Reading the log drains
 * it, so one instance per browser keeps everything read so far.
 */
final class NetworkLog {
    private final Browser browser;
    private final List<String> sent = new ArrayList<>();

    NetworkLog(Browser browser) {
        this.browser = browser;
    }

    /** How many requests for a URL containing {@code part} the page has sent so far. */
    synchronized long sent(String part) {
        for (LogEntry e : browser.driver.manage().logs().get("performance")) {
            JsonObject m = new JsonObject(e.getMessage()).getJsonObject("message");
            if ("Network.requestWillBeSent".equals(m.getString("method"))) {
                sent.add(m.getJsonObject("params").getJsonObject("request").getString("url"));
            }
        }
        return sent.stream().filter(u -> u.contains(part)).count();
    }
}
