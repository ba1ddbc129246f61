package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ui.Browser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The hub page in headless Chromium: every box with its state (a real box process online, a box whose
 * retained status says offline), a link to the live box's own dashboard, and the state filter.
 */
class HubPageBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void hubPageShowsEveryBoxAndItsState() throws Exception {
        try (Browser browser = Browser.start();
             Mosquitto broker = Mosquitto.start(tmp.resolve("broker"), "");
             HubHarness hub = new HubHarness(broker.url());
             MqttProbe gone = new MqttProbe(broker.url(), "gone-box")) {
            gone.publish("posegate/v1/box/edge-gone/meta", new JsonObject().put("v", 1).put("boxId", "edge-gone").put("version", "0.1.0")
                    .put("groups", new JsonArray().add("lab")).put("backend", "openvino").put("streams", new JsonArray()), true, null);
            gone.publish("posegate/v1/box/edge-gone/status", new JsonObject().put("v", 1).put("state", "offline").put("bootSeq", 3), true, null);
            BoxProcess box = BoxProcess.start(tmp, "edge-live", broker.url(), List.of("lab"), null);
            try {
                // the dashboard address comes with the box's retained meta, which may arrive after its status
                JsonObject row = hub.awaitBox("edge-live", b -> "online".equals(b.getString("state")) && b.getString("dashboard") != null,
                        "online, with its dashboard address");
                browser.driver.get("http://127.0.0.1:" + hub.port() + "/");
                browser.until("both boxes in the table", 120, d -> d.findElements(By.cssSelector("#boxes tbody tr")).size() == 2);
                browser.until("edge-live online", 60, d -> "online".equals(rowOf(d.findElement(By.tagName("body")), "edge-live").getAttribute("data-state")));
                browser.until("edge-live's dashboard link", 60,
                        d -> !rowOf(d.findElement(By.tagName("body")), "edge-live").findElements(By.tagName("a")).isEmpty());
                WebElement live = rowOf(browser.driver.findElement(By.tagName("body")), "edge-live");
                WebElement off = rowOf(browser.driver.findElement(By.tagName("body")), "edge-gone");
                assertEquals("online", live.findElement(By.cssSelector(".state")).getText());
                assertEquals("offline", off.findElement(By.cssSelector(".state")).getText());
                assertEquals(row.getString("dashboard"), live.findElement(By.tagName("a")).getAttribute("href"), "links to the box's dashboard");
                // streams and their states come with the box's periodic metrics, which may follow its status
                browser.until("the box's stream and its state", 60,
                        d -> rowOf(d.findElement(By.tagName("body")), "edge-live").getText().contains("main: live"));
                assertTrue(browser.driver.findElement(By.id("summary")).getText().contains("2 boxes, 1 online"));

                browser.js("const s = document.getElementById('state-filter'); s.value = 'offline'; s.dispatchEvent(new Event('change'));");
                browser.until("only the offline box", 60, d -> {
                    List<WebElement> rows = d.findElements(By.cssSelector("#boxes tbody tr"));
                    return rows.size() == 1 && "edge-gone".equals(rows.get(0).getAttribute("data-box"));
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nbox log:\n" + box.log(), e);
            } finally {
                box.close();
            }
        }
    }

    private static WebElement rowOf(WebElement page, String box) {
        return page.findElement(By.cssSelector("#boxes tbody tr[data-box='" + box + "']"));
    }
}
