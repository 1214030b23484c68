package io.sealtrail.anomaly.console;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console's recall views as a user sees them: lot trace, serial, firmware, campaigns. */
final class RecallPage {
  private static final By TRACE_ROWS = By.cssSelector("#trace-table tbody tr[data-serial]");
  private final HeadlessChromium chromium;

  RecallPage(HeadlessChromium chromium) {
    this.chromium = chromium;
  }

  /** Opens the console with {@code token}; waits until the views of its role are offered. */
  RecallPage open(String console, String token) {
    chromium.driver().get("about:blank");
    chromium.driver().get(URI.create(console).resolve("/#token=" + token).toString());
    chromium.await(d -> d.findElement(By.id("views")).isDisplayed());
    return this;
  }

  /** The views the navigation offers, by name (e.g. {@code trace}, {@code workspace}). */
  List<String> offeredViews() {
    return chromium.driver().findElements(By.cssSelector("#views button[data-view]")).stream()
        .filter(WebElement::isDisplayed)
        .map(b -> b.getDomAttribute("data-view"))
        .toList();
  }

  boolean shows(String sectionId) {
    return chromium.driver().findElement(By.id(sectionId)).isDisplayed();
  }

  String who() {
    return chromium.driver().findElement(By.id("who")).getText();
  }

  String bodyAttribute(String name) {
    return chromium.driver().findElement(By.tagName("body")).getDomAttribute(name);
  }

  void view(String name) {
    chromium.driver().findElement(By.cssSelector("#views button[data-view=" + name + "]")).click();
  }

  /** Traces {@code lot}; waits until the whole answer is in; answers the serials listed. */
  List<String> trace(String lot) {
    view("trace");
    search("trace-form", "lot", lot);
    chromium.await(d -> "done".equals(section("trace").getDomAttribute("data-state")));
    return serials();
  }

  List<String> serials() {
    return chromium.driver().findElements(TRACE_ROWS).stream()
        .map(r -> r.getDomAttribute("data-serial"))
        .toList();
  }

  /** Chooses {@code value} in the trace filter {@code name}; answers the serials then listed. */
  List<String> filter(String name, String value) {
    new Select(
            chromium
                .driver()
                .findElement(By.cssSelector("#trace-filters select[name=" + name + "]")))
        .selectByValue(value);
    // The change asks the server again at once ("loading"); wait for its answer to end.
    chromium.await(d -> "done".equals(section("trace").getDomAttribute("data-state")));
    return serials();
  }

  /** The URLs this page fetched that contain {@code part}, as the browser records them. */
  @SuppressWarnings("unchecked")
  List<String> askedFor(String part) {
    Object urls =
        ((org.openqa.selenium.JavascriptExecutor) chromium.driver())
            .executeScript(
                "return performance.getEntriesByType('resource').map((e) => e.name)"
                    + ".filter((u) => u.includes(arguments[0]));",
                part);
    return ((List<Object>) urls).stream().map(String::valueOf).toList();
  }

  /** How many rows the view keeps (it draws every row it keeps). */
  int heldRows() {
    return Integer.parseInt(
        chromium.driver().findElement(By.id("trace-table")).getDomAttribute("data-held"));
  }

  /** The count a tally (status or site) shows for {@code value}. */
  int tally(String kind, String value) {
    return Integer.parseInt(
        chromium
            .driver()
            .findElement(
                By.cssSelector(
                    "#trace-counts [data-tally=" + kind + "] li[data-value='" + value + "'] .n"))
            .getText());
  }

  String traceNote() {
    return chromium.driver().findElement(By.id("trace-note")).getText();
  }

  /** Presses an export button; answers the downloaded file's name and its content. */
  List<String> export(String format) throws IOException {
    String name = exportName(format);
    Path file = chromium.downloads().resolve(name);
    Files.deleteIfExists(file);
    chromium.driver().findElement(By.id("trace-export-" + format)).click();
    String said =
        chromium.await(
            d -> {
              String error = d.findElement(By.id("trace-error")).getText();
              boolean offered =
                  name.equals(d.findElement(By.id("trace-download")).getDomAttribute("download"));
              return offered || !error.isEmpty() ? error : null;
            });
    if (!said.isEmpty()) {
      throw new AssertionError("the console said: " + said);
    }
    // The server's file, fetched first, so offered as a link to press (see trace-export.js).
    chromium.driver().findElement(By.id("trace-download")).click();
    // Chromium writes to a .crdownload file and renames it once complete.
    chromium.await(d -> Files.isRegularFile(file));
    return List.of(name, Files.readString(file, StandardCharsets.UTF_8));
  }

  private String exportName(String format) {
    String lot =
        chromium
            .driver()
            .findElement(By.cssSelector("#trace-form input[name=lot]"))
            .getDomProperty("value");
    return lot + "-trace." + (format.equals("epcis") ? "epcis.jsonld" : format);
  }

  /** Opens a serial from the trace table; waits until every signature has its verdict. */
  void openFromTrace(String serial) {
    chromium
        .driver()
        .findElement(By.cssSelector("#trace-table tr[data-serial='" + serial + "'] button.link"))
        .click();
    awaitSerial();
  }

  void openSerial(String serial) {
    view("serial");
    search("serial-form", "serial", serial);
    awaitSerial();
  }

  private void awaitSerial() {
    chromium.await(d -> "done".equals(section("serial").getDomAttribute("data-state")));
  }

  String chain() {
    return chromium.driver().findElement(By.id("chain-verdict")).getDomAttribute("data-chain");
  }

  /** Each event of the timeline: its event id. */
  List<String> timeline() {
    return chromium.driver().findElements(By.cssSelector("#serial-body .timeline > li")).stream()
        .map(li -> li.getDomAttribute("data-event-id"))
        .toList();
  }

  /** Each signature's line: "eventId verdict checkedBy keyid". */
  List<String> signatures() {
    return chromium
        .driver()
        .findElements(By.cssSelector("#serial-body .timeline > li .signatures li[data-verdict]"))
        .stream()
        .map(
            li ->
                li.findElement(By.xpath("ancestor::li[@data-event-id]"))
                        .getDomAttribute("data-event-id")
                    + " "
                    + li.getDomAttribute("data-verdict")
                    + " "
                    + li.getDomAttribute("data-checked-by")
                    + " "
                    + li.getDomAttribute("data-keyid"))
        .toList();
  }

  String serialText() {
    return section("serial").getText();
  }

  /** Shows {@code product}'s firmware; answers each row as "version installed-count". */
  List<String> firmware(String product) {
    view("firmware");
    search("firmware-form", "product", product);
    chromium.await(d -> "done".equals(section("firmware").getDomAttribute("data-state")));
    return chromium.driver().findElements(By.cssSelector("#firmware-table tbody tr")).stream()
        .map(
            r ->
                r.getDomAttribute("data-version")
                    + " "
                    + r.findElement(By.cssSelector("td[data-stage=installed]")).getText())
        .toList();
  }

  String firmwareText() {
    return section("firmware").getText();
  }

  /**
   * From a traced lot, presses "Create campaign from this lot" and then the create button; waits
   * until the new campaign is shown and answers its id.
   */
  String createCampaignFromTrace() {
    chromium.driver().findElement(By.id("trace-campaign")).click();
    chromium.await(d -> shows("campaigns"));
    chromium.driver().findElement(By.cssSelector("#campaign-form button[name=create]")).click();
    return chromium.await(
        d -> {
          String error = d.findElement(By.id("campaign-error")).getText();
          if (!error.isEmpty()) {
            throw new AssertionError("the console said: " + error);
          }
          List<WebElement> title = d.findElements(By.cssSelector("#campaign-title"));
          return title.isEmpty() ? null : title.get(0).getDomAttribute("data-campaign-id");
        });
  }

  /** Shows the campaigns view and opens campaign {@code id} from its list. */
  void openCampaign(String id) {
    view("campaigns");
    By open = By.cssSelector("#campaign-table tr[data-campaign-id='" + id + "'] button.link");
    chromium.await(d -> !d.findElements(open).isEmpty());
    chromium.driver().findElement(open).click();
    chromium.await(
        d ->
            !d.findElements(By.cssSelector("#campaign-title[data-campaign-id='" + id + "']"))
                .isEmpty());
  }

  /** The open campaign's devices, each as "serial state changedBy note". */
  List<String> campaignDevices() {
    return chromium
        .driver()
        .findElements(By.cssSelector("#campaign-devices tbody tr[data-serial]"))
        .stream()
        .map(
            r ->
                r.getDomAttribute("data-serial")
                    + " "
                    + r.getDomAttribute("data-state")
                    + " "
                    + r.findElement(By.cssSelector("td:nth-child(3)")).getText()
                    + " "
                    + r.findElement(By.cssSelector("td:nth-child(5)")).getText())
        .toList();
  }

  /** The open campaign's count of devices in {@code state}. */
  int campaignCount(String state) {
    return Integer.parseInt(
        chromium
            .driver()
            .findElement(By.cssSelector("#campaign-progress li[data-value='" + state + "'] .n"))
            .getText());
  }

  /**
   * The width (percent of the bar) of {@code state}'s part of the open campaign's bar; 0 if none.
   */
  double campaignBar(String state) {
    return chromium
        .driver()
        .findElements(By.cssSelector("#campaign-progress rect[data-state='" + state + "']"))
        .stream()
        .mapToDouble(r -> Double.parseDouble(r.getDomAttribute("width")))
        .sum();
  }

  String campaignProgressText() {
    return chromium.driver().findElement(By.cssSelector("#campaign-progress .hint")).getText();
  }

  /** The states the open campaign offers {@code serial} to move to. */
  List<String> campaignMoves(String serial) {
    return chromium
        .driver()
        .findElements(
            By.cssSelector("#campaign-devices tr[data-serial='" + serial + "'] button[data-move]"))
        .stream()
        .map(b -> b.getDomAttribute("data-move"))
        .toList();
  }

  /**
   * Moves {@code serial} to {@code state} with {@code note}; waits until the campaign shows it
   * there or says why not, and answers what it said ("" when moved).
   */
  String moveCampaignDevice(String serial, String state, String note) {
    By row = By.cssSelector("#campaign-devices tr[data-serial='" + serial + "']");
    chromium.driver().findElement(row).findElement(By.name("note")).sendKeys(note);
    chromium
        .driver()
        .findElement(row)
        .findElement(By.cssSelector("button[data-move=" + state + "]"))
        .click();
    return chromium.await(
        d -> {
          String error = d.findElement(By.id("campaign-move-error")).getText();
          if (!error.isEmpty()) {
            return error;
          }
          boolean moved =
              !d.findElements(
                      By.cssSelector(
                          "#campaign-devices tr[data-serial='"
                              + serial
                              + "'][data-state='"
                              + state
                              + "']"))
                  .isEmpty();
          return moved ? "" : null;
        });
  }

  /** Whether any create or move control of the campaigns view is shown. */
  boolean offersCampaignChanges() {
    return section("campaign-form").isDisplayed()
        || !chromium.driver().findElements(By.cssSelector("#campaigns button[data-move]")).isEmpty()
        || chromium.driver().findElement(By.id("trace-campaign")).isDisplayed();
  }

  String campaignText() {
    return section("campaigns").getText();
  }

  private void search(String form, String field, String value) {
    WebElement input =
        chromium.driver().findElement(By.cssSelector("#" + form + " input[name=" + field + "]"));
    input.clear();
    input.sendKeys(value);
    chromium.driver().findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
  }

  private WebElement section(String id) {
    return chromium.driver().findElement(By.id(id));
  }
}
