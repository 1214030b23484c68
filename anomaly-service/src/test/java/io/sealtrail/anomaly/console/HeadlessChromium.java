package io.sealtrail.anomaly.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver with a fresh profile. Both
 * binaries are named, so Selenium Manager never looks for (or downloads) a driver or a browser.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);
  // Selenium warns on every start that it ships no DevTools bindings for this Chromium; the test
  // speaks WebDriver only. Held in a field: java.util.logging keeps loggers weakly.
  private static final Logger SELENIUM = quiet(Logger.getLogger("org.openqa.selenium"));
  private final ChromeDriver driver;
  private final Path downloads;

  private HeadlessChromium(ChromeDriver driver, Path downloads) {
    this.driver = driver;
    this.downloads = downloads;
  }

  private static Logger quiet(Logger logger) {
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  /** Whether Debian's {@code chromium} is installed. */
  static boolean installed() {
    return Files.isExecutable(BROWSER);
  }

  /** Starts a browser whose profile lives in {@code profile} (a fresh, empty directory). */
  static HeadlessChromium start(Path profile) {
    if (!Files.isExecutable(DRIVER)) {
      throw new IllegalStateException(
          DRIVER
              + " is missing while "
              + BROWSER
              + " is installed: apt-get install chromium-driver");
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    // Downloads (the console's exports) land in the profile, without asking, for tests to read.
    Path downloads = profile.resolve("downloads");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1440,1300",
        "--user-data-dir=" + profile);
    return new HeadlessChromium(new ChromeDriver(service, options), downloads);
  }

  /** Closes the browser {@code starting} gives, once started; nothing if it failed to start. */
  static void closeOnceStarted(CompletableFuture<HeadlessChromium> starting) {
    if (starting != null) {
      starting.thenAccept(HeadlessChromium::close).exceptionally(failedToStart -> null).join();
    }
  }

  /** Where the browser saves what it downloads. */
  Path downloads() {
    return downloads;
  }

  WebDriver driver() {
    return driver;
  }

  /** Waits (at most 30 s) until {@code condition} answers a non-null, non-false value. */
  <T> T await(Function<WebDriver, T> condition) {
    // The console redraws rows as alerts arrive: an element found a moment ago may be gone.
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /** Saves what the browser shows as a PNG at {@code target}. */
  void screenshot(Path target) {
    try {
      Files.createDirectories(target.getParent());
      Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
