package io.posegate.gateway.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;

/**
 * Regenerates the dashboard screenshot in {@code docs/}: starts the demo gateway and headless Chromium,
 * lets the charts fill for a while, and saves the window as PNG.
 *
 * <pre>mvn -q -o -pl gateway test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.posegate.gateway.ui.DashboardScreenshot -Dexec.args="../docs/dashboard.png 90 1400 1000"</pre>
 */
public final class DashboardScreenshot {
    private DashboardScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: DashboardScreenshot OUT.png SECONDS WIDTH HEIGHT");
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        int seconds = Integer.parseInt(args[1]);
        try (UiGateway gateway = new UiGateway(UiGateway.demoConfig());
             Browser browser = Browser.start("--window-size=" + args[2] + "," + args[3], "--force-device-scale-factor=1")) {
            browser.driver.get(gateway.url("/"));
            Thread.sleep(seconds * 1000L);
            browser.js("document.activeElement && document.activeElement.blur()");
            Files.write(out, browser.driver.getScreenshotAs(OutputType.BYTES));
            System.out.println("wrote " + out);
        }
        System.exit(0);
    }
}
