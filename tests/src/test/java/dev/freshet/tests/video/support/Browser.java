package dev.freshet.tests.video.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver with Selenium. Both paths are given
 * explicitly ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}, or {@code -Dfreshet.chromium} /
 * {@code -Dfreshet.chromedriver}), so Selenium Manager never looks anything up or downloads anything.
 * Each browser gets a fresh profile directory, removed on close.
 *
 * <p>Not thread-safe: one test thread drives a browser.
 */
public final class Browser implements AutoCloseable {
    public static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--autoplay-policy=no-user-gesture-required", "--disable-dev-shm-usage", "--mute-audio");

    /** Selenium warns that it has no CDP bindings for this Chromium version; the tests use none. */
    private static final java.util.logging.Logger SELENIUM_LOG = quiet();

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * WebRTC on loopback with a fake camera and microphone: candidates on loopback are allowed, not
     * hidden behind mDNS names, and no permission prompt waits.
     */
    public static final List<String> WEBRTC_FLAGS = List.of("--allow-loopback-in-peer-connection",
            "--disable-features=WebRtcHideLocalIpsWithMdns", "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream");

    public static Browser headlessChromium() {
        return headlessChromium(List.of());
    }

    public static Browser headlessChromium(List<String> extraFlags) {
        File chromium = executable("freshet.chromium", "/usr/bin/chromium");
        File chromedriver = executable("freshet.chromedriver", "/usr/bin/chromedriver");
        Path logs = Path.of(System.getProperty("freshet.logs", "target/freshet-logs"));
        try {
            Files.createDirectories(logs);
            Path profile = Files.createTempDirectory(logs, "chromium-profile-");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                    .usingAnyFreePort().withLogFile(logs.resolve("chromedriver.log").toFile()).build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments(FLAGS);
            options.addArguments(extraFlags);
            options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void open(URI page) {
        driver.get(page.toString());
    }

    /** Runs {@code return …;} style JavaScript in the page and returns its value. */
    public Object eval(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** The page's {@code window.playerState} as a map (numbers as Long/Double, arrays as lists). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> playerState() {
        Object state = eval("return window.playerState || null;");
        if (state == null) {
            throw new AssertionError("the page has no window.playerState: " + driver.getPageSource());
        }
        return (Map<String, Object>) state;
    }

    public void setScriptTimeout(Duration timeout) {
        driver.manage().timeouts().scriptTimeout(timeout);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover profile under target/ is harmless
            }
        }
    }

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.openqa.selenium");
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private static File executable(String property, String defaultPath) {
        File file = new File(System.getProperty(property, defaultPath));
        if (!file.canExecute()) {
            throw new AssertionError(file + " not found: the browser tests use Debian's chromium and chromium-driver"
                    + " (apt-get install chromium chromium-driver; .ci/run installs them), or set -D" + property);
        }
        return file;
    }
}
