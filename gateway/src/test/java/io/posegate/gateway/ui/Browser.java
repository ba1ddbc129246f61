package io.posegate.gateway.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (Selenium, no browser download), with a
 * fresh profile directory and Chromium's fake camera. Tests skip when the browser is not installed
 * ({@code .ci/install-packages.sh} installs it).
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    public final ChromeDriver driver;
    private final Path profile;

    private Browser(boolean networkLog, List<String> extraArgs) throws Exception {
        profile = Files.createTempDirectory("posegate-chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.setPageLoadStrategy(PageLoadStrategy.EAGER);
        List<String> args = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"));
        args.addAll(extraArgs);
        o.addArguments(args);
        if (networkLog) {
            // CDP Network events in ChromeDriver's performance log, read by NetworkLog
            o.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL"));
            o.setExperimentalOption("perfLoggingPrefs", java.util.Map.of("enableNetwork", true, "enablePage", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
    }

    /** Starts a browser, or skips the calling test when Chromium or chromedriver is absent. */
    public static Browser start(String... extraArgs) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: " + CHROMIUM + " not found; run .ci/install-packages.sh (Debian chromium)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "skipped: " + CHROMEDRIVER + " not found; run .ci/install-packages.sh (Debian chromium-driver)");
        return new Browser(false, List.of(extraArgs));
    }

    /** Like {@link #start}, with Chromium's network events recorded for a {@link NetworkLog}. */
    public static Browser startWithNetworkLog(String... extraArgs) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: " + CHROMIUM + " not found; run .ci/install-packages.sh (Debian chromium)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "skipped: " + CHROMEDRIVER + " not found; run .ci/install-packages.sh (Debian chromium-driver)");
        return new Browser(true, List.of(extraArgs));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits (polling, up to {@code seconds}) until {@code condition} returns non-null / true. */
    public <T> T until(String what, int seconds, Function<WebDriver, T> condition) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        RuntimeException last = null;
        while (System.nanoTime() < end) {
            try {
                T v = condition.apply(driver);
                if (v != null && !Boolean.FALSE.equals(v)) {
                    return v;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("gave up after " + seconds + " s waiting for " + what
                + (last == null ? "" : "; last error: " + last.getMessage()), last);
    }

    @Override
    public void close() throws Exception {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
