package io.sealtrail.anomaly.console;

import java.net.URI;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console as a user sees it in the browser: what they read and what they click. */
final class ConsolePage {
  private static final By ROWS = By.cssSelector("#alerts tbody tr[data-alert-id]");
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

  /** Writes why, then presses Acknowledge; who acts is the token's identity. */
  void acknowledge(String note) {
    chromium.driver().findElement(By.id("action-note")).sendKeys(note);
    press("acknowledge");
  }

  /** Names the assignee, then presses Assign. */
  void assign(String assignee) {
    WebElement field = chromium.driver().findElement(By.id("action-assignee"));
    field.clear();
    field.sendKeys(assignee);
    press("assign");
  }

  /** Chooses the outcome (none when null), writes the note, then presses Resolve. */
  void resolve(String outcome, String note) {
    if (outcome != null) {
      new Select(chromium.driver().findElement(By.id("action-outcome"))).selectByValue(outcome);
    }
    WebElement field = chromium.driver().findElement(By.id("action-note"));
    field.clear();
    field.sendKeys(note);
    press("resolve");
  }

  private void press(String action) {
    detail().findElement(By.cssSelector("button[data-action=" + action + "]")).click();
  }

  /** Waits until the action form says something, and answers it. */
  String awaitActionMessage(String text) {
    return chromium.await(
        d -> {
          String said = detail().findElement(By.cssSelector(".actions .message")).getText();
          return said.contains(text) ? said : null;
        });
  }

  /** Waits for the folded row of {@code parentId}'s storm; answers how many alerts it folds. */
  int awaitStorm(String parentId) {
    return Integer.parseInt(
        chromium.await(
            d ->
                d.findElements(By.cssSelector("#alerts tr.storm[data-storm-of]")).stream()
                    .filter(r -> parentId.equals(r.getDomAttribute("data-storm-of")))
                    .map(r -> r.getDomAttribute("data-count"))
                    .findFirst()
                    .orElse(null)));
  }

  /** Opens the storm folded under {@code parentId}; answers the ids of the rows it shows. */
  List<String> expandStorm(String parentId) {
    chromium
        .driver()
        .findElement(By.cssSelector("#alerts tr.storm[data-storm-of='" + parentId + "'] button"))
        .click();
    return chromium.await(
        d -> {
          List<String> ids =
              d.findElements(By.cssSelector("#alerts tr.child")).stream()
                  .map(r -> r.getDomAttribute("data-alert-id"))
                  .toList();
          return ids.isEmpty() ? null : ids;
        });
  }

  /** The viewport's width, then how far the alert card's content reaches past its box (px). */
  List<Long> alertCardOverflow() {
    @SuppressWarnings("unchecked")
    List<Long> measured =
        (List<Long>)
            script(
                "const card = document.querySelector('section.list');"
                    + "const table = document.getElementById('alerts');"
                    + "return [window.innerWidth, card.scrollWidth - card.clientWidth,"
                    + " Math.ceil(table.getBoundingClientRect().right"
                    + " - card.getBoundingClientRect().right)];");
    return measured;
  }

  /** Switches to the response report and waits for its table; answers each row's type. */
  List<String> openReport() {
    chromium.driver().findElement(By.cssSelector("#views button[data-view=report]")).click();
    return chromium.await(
        d -> {
          List<String> types =
              d.findElements(By.cssSelector("#report-body table.report-table tbody tr")).stream()
                  .map(r -> r.getDomAttribute("data-type"))
                  .toList();
          return types.isEmpty() ? null : types;
        });
  }

  /** The bars the report's charts draw. */
  int reportBars() {
    return chromium
        .driver()
        .findElements(By.cssSelector("#report-body svg.report-chart rect"))
        .size();
  }

  /** Gives the containment reason, then presses the containment button {@code action}. */
  void contain(String action, String reason) {
    WebElement field = chromium.driver().findElement(By.id("containment-reason"));
    field.clear();
    field.sendKeys(reason);
    detail().findElement(By.cssSelector("button[data-containment=" + action + "]")).click();
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
