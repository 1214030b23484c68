package io.sealtrail.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.cli.http.BearerToken;
import io.sealtrail.cli.http.HttpCalls;
import io.sealtrail.cli.partners.AdminClient;
import io.sealtrail.cli.partners.Registration;
import io.sealtrail.cli.query.Paths;
import io.sealtrail.cli.query.QueryClient;
import io.sealtrail.cli.query.QueryFailure;
import io.sealtrail.client.http.EventsApi;
import io.sealtrail.client.http.RetryPolicy;
import io.sealtrail.client.http.Retrying;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Plays a scenario against a running platform: registers the cast, sends the supply chain with a
 * progress bar, then only watches (sending nothing more: the platform must judge its time-based
 * cases on its own) until every case is detected and the alerts settled (or the timeout passes),
 * and prints the summary and one device's evidence bundle verified. True when every case was
 * detected, no false alert raised, the recall trace answered and the bundle verified.
 */
public final class DemoRun {
  static final Duration POLL = Duration.ofSeconds(5);
  private static final String ALERTS_TOPIC = "custody.alerts";

  private final DemoTarget target;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock = Clock.systemUTC();

  public DemoRun(DemoTarget target, PrintWriter out, PrintWriter err) {
    this.target = target;
    this.out = out;
    this.err = err;
  }

  public boolean play(DemoOptions options, double eventsPerSecond, Duration timeout)
      throws IOException {
    Scenario scenario = prepare(options);
    var submitter = submitter();
    try (AlertWatch watch =
        AlertWatch.start(target.bootstrapServers(), target.registryUrl(), ALERTS_TOPIC, clock)) {
      send(scenario, submitter, eventsPerSecond);
      Detections detections = await(scenario, submitter, watch, timeout);
      JsonNode trace = trace(scenario.faultyLot());
      new SummaryTable(out).print(scenario, submitter.tally(), submitter.rate(), detections, trace);
      if (trace == null) {
        err.println(
            "The demo failed: the recall trace of lot " + scenario.faultyLot() + " failed.");
        err.flush();
      }
      boolean evidence = evidence(trace);
      return detections.passed() && trace != null && evidence;
    }
  }

  /**
   * Generates the demo's supply chain, registers its partners and sends its events, watching for
   * nothing: for what needs the demo's custody records alone (e.g. exporting its histories).
   */
  public Scenario send(DemoOptions options, double eventsPerSecond) throws IOException {
    Scenario scenario = prepare(options);
    send(scenario, submitter(), eventsPerSecond);
    return scenario;
  }

  private Scenario prepare(DemoOptions options) throws IOException {
    out.printf(
        "Generating the demo supply chain (%,d devices, seed %d) ...%n",
        options.devices(), options.seed());
    out.flush();
    Scenario scenario = SupplyChain.generate(options);
    register(scenario.cast());
    return scenario;
  }

  private DemoSubmitter submitter() {
    var api = new EventsApi(target.http(), HttpCalls.client(), Duration.ofMinutes(2));
    var retrying =
        new Retrying(api, RetryPolicy.DEFAULT, d -> Thread.sleep(d.toMillis()), new Random());
    return new DemoSubmitter(retrying, clock);
  }

  private void send(Scenario scenario, DemoSubmitter submitter, double eventsPerSecond)
      throws IOException {
    List<DemoEvent> events = scenario.all();
    var bar = new ProgressBar(err, "events", events.size(), true);
    submitter.send(events, eventsPerSecond, bar);
    bar.finish(submitter.tally().rejectedTotal() + " rejected");
  }

  private void register(DemoCast cast) throws IOException {
    var admin =
        new AdminClient(target.http().resolve("/"), BearerToken.read(target.token("admin")));
    for (DemoPartner p : cast.all()) {
      var body = Registration.json(p.partnerId(), p.roles(), p.sites(), List.of(p.publicKeyPem()));
      var answer = admin.send("POST", "/v1/partners", body);
      if (answer.statusCode() >= 300) {
        throw new IllegalStateException(
            "registering "
                + p.partnerId()
                + " was answered "
                + answer.statusCode()
                + ": "
                + answer.body());
      }
    }
    out.printf("Registered %d partners, each with its own Ed25519 key.%n", cast.all().size());
    out.flush();
    LayoutCases.layOut(admin, out);
  }

  /**
   * Watches until every case is detected and the alerts settled. Nothing more is sent: a spike
   * burst is the last traffic of its cohort, as a halted station's or an attacker's who stops.
   */
  private Detections await(
      Scenario scenario, DemoSubmitter submitter, AlertWatch watch, Duration timeout)
      throws IOException {
    Instant deadline = clock.instant().plus(timeout);
    var bar = new ProgressBar(err, "detecting", scenario.cases().size(), false);
    var settling = new Settling();
    while (true) {
      // Read the count first: an alert arriving while judging shows as not yet settled.
      long received = watch.received();
      Detections d = Detections.judge(scenario, watch.seen(), submitter.tally());
      bar.show(d.detectedCount(), "cases detected, " + d.unexplained().size() + " false alerts");
      boolean done = d.allDetected() && settling.settled(received);
      if (done || clock.instant().isAfter(deadline)) {
        bar.finish(
            d.allDetected()
                ? "all cases detected"
                : "timed out after " + timeout.toSeconds() + " s");
        return Detections.judge(scenario, watch.seen(), submitter.tally());
      }
      pause();
    }
  }

  private JsonNode trace(String lot) throws IOException {
    try {
      var recall =
          new QueryClient(target.http().resolve("/"), BearerToken.read(target.token("recall")));
      return recall.json(Paths.of("/v1/lots/", lot, "/trace"));
    } catch (QueryFailure | IOException e) {
      err.println("The recall trace of " + lot + " failed: " + e.getMessage());
      err.flush();
      return null;
    }
  }

  /**
   * One line showing a device's evidence bundle verified offline (an auditor's check); false when
   * it did not verify or could not be had.
   */
  private boolean evidence(JsonNode trace) throws IOException {
    var serial = EvidenceCheck.deviceOf(trace);
    if (serial.isEmpty()) {
      return true; // no device to show: the trace's failure is reported already
    }
    try {
      var auditor =
          new QueryClient(target.http().resolve("/"), BearerToken.read(target.token("auditor")));
      var report = EvidenceCheck.verify(auditor, auditor, serial.get());
      out.println();
      out.print(report.verified() ? report.headline() + "\n" : report.text());
      out.flush();
      return report.verified();
    } catch (QueryFailure | IllegalArgumentException e) {
      err.println(
          "The evidence bundle of " + serial.get() + " could not be had: " + e.getMessage());
      err.flush();
      return false;
    }
  }

  private static void pause() throws InterruptedIOException {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for detections");
    }
  }
}
