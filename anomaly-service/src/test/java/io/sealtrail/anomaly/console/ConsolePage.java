package io.sealtrail.anomaly.console;

import java.net.URI;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The console as a user sees it in the browser: what they read and what they click. */
final class ConsolePage {
  private static final By ROWS = By.cssSelector("#alerts tbody tr");
  private static final By DETAIL = By.id("detail");
  private final HeadlessChromium chromium;

  ConsolePage(HeadlessChromium chromium) {
    this.chromium = chromium;
  }

  /** Opens the console with the token in the fragment, as local mode's hint suggests. */
  ConsolePage open(String console, String token) {
    load(console, token);
    chromium.await(
        d -> "live".equals(d.findElement(By.id("connection")).getDomAttribute("data-state")));
    return this;
  }

  /** Opens the console with a token the server refuses; waits for the token form to show. */
  void openRefused(String console, String token) {
    load(console, token);
    chromium.await(
        d -> d.findElement(By.id("token-panel")).isDisplayed() && !tokenError().isEmpty());
  }

  // From a blank page, so that every test starts with a fresh page load.
  private void load(String console, String token) {
    chromium.driver().get("about:blank");
    chromium.driver().get(URI.create(console).resolve("/#token=" + token).toString());
  }

  String tokenError() {
    return chromium.driver().findElement(By.id("token-error")).getText();
  }

  String address() {
    return chromium.driver().getCurrentUrl();
  }

  /** The alert ids listed, in the order shown. */
  List<String> alertIds() {
    return chromium.driver().findElements(ROWS).stream()
        .map(r -> r.getDomAttribute("data-alert-id"))
        .toList();
  }

  /** Waits until a listed alert's id starts with {@code prefix}; answers its id. */
  String awaitAlert(String prefix) {
    return chromium.await(
        d -> alertIds().stream().filter(id -> id.startsWith(prefix)).findFirst().orElse(null));
  }

  /** Marks this page load; the mark survives anything but a reload. */
  void mark() {
    script("window.consoleItMark = 'still here'");
  }

  boolean marked() {
    return "still here".equals(script("return window.consoleItMark"));
  }

  /** Opens an alert from the list, the way a keyboard or mouse user does. */
  void openAlert(String alertId) {
    chromium.await(
        d -> {
          row(alertId).findElement(By.cssSelector("button.open")).click();
          return true;
        });
    awaitDetail(alertId);
  }

  String detailText() {
    return detail().getText();
  }

  /** Waits until the open alert's detail says {@code text}. */
  void awaitDetail(String text) {
    chromium.await(d -> detail().getText().contains(text));
  }

  /** Waits until the open alert's cohort chart is drawn. */
  void awaitChart() {
    chromium.await(
        d -> !detail().findElements(By.cssSelector("svg.spike-chart rect.bar")).isEmpty());
  }

  /** Fills in why, then presses Acknowledge: who is the token's identity. */
  void acknowledge(String note) {
    chromium.driver().findElement(By.id("action-note")).sendKeys(note);
    detail().findElement(By.cssSelector("button[data-action=acknowledge]")).click();
  }

  String statusInList(String alertId) {
    return row(alertId).getDomAttribute("data-status");
  }

  private WebElement row(String alertId) {
    return chromium.driver().findElements(ROWS).stream()
        .filter(r -> alertId.equals(r.getDomAttribute("data-alert-id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(alertId + " is not listed; listed: " + alertIds()));
  }

  private WebElement detail() {
    return chromium.driver().findElement(DETAIL);
  }

  private Object script(String code) {
    return ((JavascriptExecutor) chromium.driver()).executeScript(code);
  }
}
