package io.sealtrail.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A GET read as the recall console reads a streamed trace: {@code fetch()} in headless Chromium,
 * its body taken chunk by chunk from a {@code ReadableStream} reader, timed in the page with {@code
 * performance.now()}. The browser is Debian's chromium driven through Debian's chromedriver, both
 * named so Selenium Manager never looks for (or downloads) either, as the console's ITs do.
 */
public final class BrowserFetch implements AutoCloseable {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  // Selenium warns on every start that it ships no DevTools bindings for this Chromium; the bench
  // speaks WebDriver only. Held in a field: java.util.logging keeps loggers weakly.
  private static final Logger SELENIUM = quiet(Logger.getLogger("org.openqa.selenium"));

  /**
   * Fetches {@code arguments[0]} with the bearer {@code arguments[1]}; answers the status, the
   * milliseconds to the first chunk read and to the end, the bytes and the newlines read.
   */
  private static final String READ =
      """
      const [path, bearer, done] = arguments;
      const sent = performance.now();
      fetch(path, {headers: {Authorization: bearer}, cache: 'no-store'})
        .then(async response => {
          if (response.status !== 200) {
            await response.arrayBuffer();
            done({status: response.status});
            return;
          }
          const reader = response.body.getReader();
          let first = -1, bytes = 0, lines = 0;
          for (;;) {
            const {value, done: end} = await reader.read();
            if (end) break;
            if (first < 0) first = performance.now() - sent;
            bytes += value.length;
            for (let at = value.indexOf(10); at >= 0; at = value.indexOf(10, at + 1)) lines++;
          }
          done({status: 200, first, whole: performance.now() - sent, bytes, lines});
        })
        .catch(e => done({status: -1, error: String(e)}));
      """;

  private final ChromeDriver driver;
  private final Path profile;

  private BrowserFetch(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  private static Logger quiet(Logger logger) {
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  /** Whether Debian's {@code chromium} and {@code chromedriver} are installed. */
  public static boolean installed() {
    return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
  }

  /**
   * A headless browser with a fresh profile, showing a page of {@code origin} (any route of it):
   * the fetches are then same-origin, as the console's are.
   */
  public static BrowserFetch open(URI origin, String page) {
    Path profile;
    try {
      profile = Files.createTempDirectory("bench-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile);
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
      driver.get(origin.resolve(page).toString());
      return new BrowserFetch(driver, profile);
    } catch (RuntimeException e) {
      driver.quit();
      throw e;
    }
  }

  /** The median by whole time of {@code times} fetches of {@code path} (after one warm-up). */
  public StreamedGet.Timing median(String path, String bearer, int times) {
    once(path, bearer);
    List<StreamedGet.Timing> runs = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      runs.add(once(path, bearer));
    }
    runs.sort(Comparator.comparingDouble(StreamedGet.Timing::wholeMs));
    return runs.get(runs.size() / 2);
  }

  /**
   * One fetch of {@code path} (same origin), read to its end by a stream reader; times in ms as the
   * page measures them, its first byte being the first chunk read.
   */
  public StreamedGet.Timing once(String path, String bearer) {
    Object answer = driver.executeAsyncScript(READ, path, bearer);
    if (!(answer instanceof Map<?, ?> read)) {
      throw new IllegalStateException("the page answered " + answer + " for " + path);
    }
    if (number(read.get("status")) != 200) {
      throw new IllegalStateException(path + " answered the browser " + read);
    }
    return new StreamedGet.Timing(
        number(read.get("first")),
        number(read.get("whole")),
        (long) number(read.get("bytes")),
        (long) number(read.get("lines")));
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary profile left behind is harmless.
    }
  }
}
