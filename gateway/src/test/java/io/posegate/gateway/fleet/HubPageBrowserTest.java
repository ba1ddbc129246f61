package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.auth.Role;
import io.posegate.gateway.auth.TokenHash;
import io.posegate.gateway.auth.TokenStore;
import io.posegate.gateway.auth.Tokens;
import io.posegate.gateway.config.SecurityConfig;
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
 * retained status says offline), a link to the live box's own dashboard, and the state filter. A hub that
 * needs a token shows its 401 as a login prompt with a form, keeps a failed login's message across its polls, says why
 * a used login code is refused, shows the fleet once logged in through the form, shows that the login ended when its token is removed,
 * logs in with the login URL {@code posegate hub} prints (a real code for a token the hub issued), and says nothing
 * when that used URL is opened again while its cookie still logs in.
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

    @Test
    void aHubThatNeedsATokenAsksForALoginAndKeepsAFailedLoginsMessage() throws Exception {
        SecurityConfig closed = new SecurityConfig(false, true, "none", "viewer", List.of(), List.of(), List.of(), 64, 10, 30, null);
        try (Browser browser = Browser.start();
             Mosquitto broker = Mosquitto.start(tmp.resolve("broker"), "");
             HubHarness hub = new HubHarness(broker.url(), closed);
             MqttProbe box = new MqttProbe(broker.url(), "fake-box")) {
            assertEquals(401, hub.send("GET", "/api/boxes", null, null).getInteger("status"), "reads need a token");
            box.publish("posegate/v1/box/edge-1/meta", new JsonObject().put("v", 1).put("boxId", "edge-1").put("version", "0.1.0")
                    .put("groups", new JsonArray()).put("backend", "auto").put("streams", new JsonArray()), true, null);
            box.publish("posegate/v1/box/edge-1/status", new JsonObject().put("v", 1).put("state", "online").put("bootSeq", 1), true, null);
            hub.awaitBox("edge-1", b -> "online".equals(b.getString("state")), "online");
            String page = "http://127.0.0.1:" + hub.port() + "/hub/";

            browser.driver.get(page);
            browser.until("the 401 shown as a login prompt", 30,
                    d -> text(d, "summary").startsWith("Log in to see the fleet: this needs a viewer token"));
            assertTrue(browser.driver.findElement(By.id("login-form")).isDisplayed(), "a login form");
            assertEquals("not logged in", text(browser.driver, "who"));
            assertTrue(browser.driver.findElements(By.cssSelector("#boxes tbody tr")).isEmpty());

            browser.driver.get(page + "?token=pgt_000000000000_wrong");
            browser.until("the failed login's message", 30, d -> text(d, "login-status").startsWith("Login failed"));
            int polls = polls(browser);
            browser.until("two polls after the failed login", 30, d -> polls(browser) >= polls + 2);
            assertTrue(text(browser.driver, "login-status").startsWith("Login failed"),
                    "the polls left the failed login's message: " + text(browser.driver, "login-status"));
            assertFalse(browser.driver.getCurrentUrl().contains("token"), "the token is gone from the address");

            // a login URL's code that was already used: refused with the reason, and taken out of the address too
            String used = hub.tokens().loginCodes().issue("pgt_000000000000_any");
            hub.tokens().loginCodes().redeem(used);
            browser.driver.get(page + "?login=" + used);
            browser.until("the used code's message", 30, d -> text(d, "login-status").startsWith("Login failed: login code already used"));
            assertEquals(page, browser.driver.getCurrentUrl(), "the code is gone from the address");

            // a configured token (one a config reload can take away, unlike the harness's own)
            Tokens.Issued ops = Tokens.newToken();
            hub.tokens().replace(List.of(new TokenStore.Entry("ops", Role.ADMIN, ops.id(), TokenHash.hash(ops.token()))));
            browser.driver.findElement(By.id("login-token")).sendKeys(ops.token());
            browser.driver.findElement(By.id("login-button")).click();
            browser.until("the fleet after logging in", 30, d -> text(d, "summary").equals("1 boxes, 1 online"));
            assertEquals(1, browser.driver.findElements(By.cssSelector("#boxes tbody tr[data-box='edge-1']")).size());
            assertEquals("admin (ops)", text(browser.driver, "who"));
            assertEquals("", text(browser.driver, "login-status"), "a successful login clears the failure");
            assertFalse(browser.driver.findElement(By.id("login-form")).isDisplayed(), "no form once admin");
            assertTrue(browser.driver.findElement(By.id("logout")).isDisplayed());

            // the token is removed from the hub (a config reload): the polls are refused and the header says so
            hub.tokens().replace(List.of());
            browser.until("the ended login shown", 30, d -> text(d, "who").equals("not logged in"));
            assertEquals("Your login ended (the hub restarted or the token was removed): log in again.", text(browser.driver, "login-status"));
            assertTrue(browser.driver.findElement(By.id("login-form")).isDisplayed(), "the form again");
            assertFalse(browser.driver.findElement(By.id("logout")).isDisplayed(), "no Log out without a login");

            // what 'posegate hub' prints for a token it generated: its login URL logs in once, and leaves the address bar
            String generated = hub.tokens().issue("hub", Role.ADMIN);
            Path tokenFile = tmp.resolve("home").resolve("run-token-" + hub.port());
            String printed = io.posegate.gateway.cli.LoginAdvice.hub(io.posegate.gateway.cli.LoginAdvice.hubPage("127.0.0.1", hub.port()),
                    hub.tokens().loginCodes().issue(generated), generated, tokenFile);
            assertFalse(printed.contains(generated), "the token is in its file, not printed: " + printed);
            assertEquals(generated + "\n", java.nio.file.Files.readString(tokenFile));
            java.util.regex.Matcher url = java.util.regex.Pattern.compile("\\n    (http://\\S+/hub/\\?login=[A-Za-z0-9_-]{22})\\n").matcher(printed);
            assertTrue(url.find(), printed);
            browser.driver.get(url.group(1));
            browser.until("logged in with the printed code", 30, d -> text(d, "who").equals("admin (hub)"));
            browser.until("the fleet after the code's login", 30, d -> text(d, "summary").equals("1 boxes, 1 online"));
            assertEquals(page, browser.driver.getCurrentUrl(), "the code is gone from the address");
            assertEquals("", text(browser.driver, "login-status"), "the code's login cleared 'Your login ended'");
            assertFalse(browser.driver.findElement(By.id("login-form")).isDisplayed(), "no form once admin");

            // the same URL again (from the history, say): the used code logs no one in, but the cookie still does,
            // so the page shows the login and no failure
            browser.driver.get(url.group(1));
            browser.until("the page back, still logged in", 30, d -> text(d, "who").equals("admin (hub)") && page.equals(d.getCurrentUrl()));
            assertEquals("", text(browser.driver, "login-status"), "no 'Login failed' beside a login that still holds");
        }
    }

    private static String text(org.openqa.selenium.WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }

    private static int polls(Browser browser) {
        Object n = browser.js("return document.body.dataset.polls || '0';");
        return Integer.parseInt(String.valueOf(n));
    }

    private static WebElement rowOf(WebElement page, String box) {
        return page.findElement(By.cssSelector("#boxes tbody tr[data-box='" + box + "']"));
    }
}
