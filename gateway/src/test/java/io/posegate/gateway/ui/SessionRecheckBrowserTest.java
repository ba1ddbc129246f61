package io.posegate.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard opened with a login URL's single-use code logs in as admin and takes the code out of the address bar.
 * A gateway restarted under an open dashboard generates a new run token, so the page's login is gone: once
 * its socket is back, the page says so (not still "admin (run)"), and shows the login form again.
 */
class SessionRecheckBrowserTest {
    @Test
    void aRestartedGatewayEndsThePagesLoginAndThePageShowsIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Browser browser = Browser.start()) {
            try (UiGateway first = new UiGateway(UiGateway.demoConfig(), UiGateway.CONFIG_DIR, port)) {
                browser.driver.get(first.codeLoginUrl("/"));
                browser.until("logged in as admin", 30, d -> d.findElement(By.id("who")).getText().equals("admin (run)"));
                assertEquals(first.url("/"), browser.driver.getCurrentUrl(), "the login code taken out of the address bar");
                assertFalse(browser.driver.findElement(By.id("login-form")).isDisplayed(), "no login form while admin");
            }
            browser.until("the page's socket down", 30, d -> !"connected".equals(d.findElement(By.id("conn")).getText()));
            try (UiGateway second = new UiGateway(UiGateway.demoConfig(), UiGateway.CONFIG_DIR, port)) {
                browser.until("the page back on the restarted gateway, no longer admin", 60,
                        d -> "connected".equals(d.findElement(By.id("conn")).getText()) && d.findElement(By.id("who")).getText().equals("viewer"));
                browser.until("the login form shown again", 30, d -> d.findElement(By.id("login-form")).isDisplayed());
                assertEquals("Your login ended (the gateway restarted or the token was removed): log in again.",
                        browser.driver.findElement(By.id("login-status")).getText());
            }
        }
    }
}
