package io.sealtrail.bench.soak;

import io.sealtrail.bench.Progress;
import io.sealtrail.cli.demo.DemoEvent;
import io.sealtrail.cli.demo.DemoOptions;
import io.sealtrail.cli.demo.DemoPartner;
import io.sealtrail.cli.demo.Scenario;
import io.sealtrail.cli.demo.SupplyChain;
import io.sealtrail.cli.partners.AdminClient;
import io.sealtrail.cli.partners.Registration;
import io.sealtrail.client.Outcome;
import io.sealtrail.client.SignedEnvelope;
import io.sealtrail.client.http.EventsApi;
import io.sealtrail.client.http.RetryPolicy;
import io.sealtrail.client.http.Retrying;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's traffic without pause: round after round of the demo supply chain (each round its own
 * run tag, so its own serials, event ids and partner keys, registered before it is sent), posted in
 * NDJSON batches at one constant rate counted from the start of the soak, so the time a round takes
 * to generate is caught up and the average stays at the rate. Runs on its own thread until stopped;
 * counts what the platform answered.
 */
final class DemoTraffic implements AutoCloseable {
  private static final int BATCH = 50;
  private static final long SEED = 42;

  private final URI http;
  private final String adminToken;
  private final int devices;
  private final double perSecond;
  private final String soakTag;
  private final Thread thread;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong rounds = new AtomicLong();
  private volatile boolean running = true;
  private volatile Exception failure;

  private DemoTraffic(URI http, String adminToken, int devices, double perSecond) {
    this.http = http;
    this.adminToken = adminToken;
    this.devices = devices;
    this.perSecond = perSecond;
    // Two characters of the start minute keep the run tags of two soaks on one platform apart.
    this.soakTag =
        Long.toString(Instant.now().getEpochSecond() / 60 % 1296 + 1296, 36)
            .substring(1)
            .toUpperCase(java.util.Locale.ROOT);
    this.thread = new Thread(this::run, "soak-traffic");
    thread.setDaemon(true);
  }

  static DemoTraffic start(URI http, String adminToken, int devices, double perSecond) {
    var traffic = new DemoTraffic(http, adminToken, devices, perSecond);
    traffic.thread.start();
    return traffic;
  }

  private void run() {
    var api =
        new EventsApi(
            http,
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
            Duration.ofMinutes(2));
    var client =
        new Retrying(api, RetryPolicy.DEFAULT, d -> Thread.sleep(d.toMillis()), new Random());
    var admin = new AdminClient(http, adminToken);
    long started = System.nanoTime();
    long sent = 0;
    try {
      for (long round = 1; running; round++) {
        String run = "S" + soakTag + Long.toString(round, 36).toUpperCase(java.util.Locale.ROOT);
        Scenario scenario =
            SupplyChain.generate(
                new DemoOptions(devices, SEED, Instant.now().minusSeconds(60), run));
        register(admin, scenario);
        List<DemoEvent> events = scenario.all();
        for (int from = 0; from < events.size() && running; from += BATCH) {
          List<DemoEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH));
          pace(started, sent, perSecond);
          List<SignedEnvelope> envelopes = new ArrayList<>(batch.size());
          batch.forEach(e -> envelopes.add(SignedEnvelope.of(e.envelope())));
          count(client.post(envelopes));
          sent += batch.size();
        }
        rounds.set(round);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      failure = e;
      Progress.say("soak: the traffic stopped: %s", e);
    }
  }

  private static void register(AdminClient admin, Scenario scenario) throws IOException {
    for (DemoPartner p : scenario.cast().all()) {
      var body = Registration.json(p.partnerId(), p.roles(), p.sites(), List.of(p.publicKeyPem()));
      var answer = admin.send("POST", "/v1/partners", body);
      if (answer.statusCode() >= 300) {
        throw new IOException(
            "registering " + p.partnerId() + " was answered " + answer.statusCode());
      }
    }
  }

  private void count(List<Outcome> outcomes) {
    for (Outcome outcome : outcomes) {
      if (outcome instanceof Outcome.Accepted) {
        accepted.incrementAndGet();
      } else if (outcome instanceof Outcome.Duplicate) {
        duplicates.incrementAndGet();
      } else {
        rejected.incrementAndGet();
      }
    }
  }

  private static void pace(long started, long sent, double perSecond) throws InterruptedException {
    long ahead = started + (long) (sent / perSecond * 1e9) - System.nanoTime();
    if (ahead > 0) {
      Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
    }
  }

  /** Events answered so far (accepted, duplicate or rejected). */
  long answered() {
    return accepted.get() + duplicates.get() + rejected.get();
  }

  long accepted() {
    return accepted.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  long rejected() {
    return rejected.get();
  }

  long rounds() {
    return rounds.get();
  }

  /** Why the traffic stopped before it was closed, or null. */
  Exception failure() {
    return failure;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(Duration.ofMinutes(2).toMillis());
  }
}
