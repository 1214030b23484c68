package io.sealtrail.cli.demo;

import io.sealtrail.client.Outcome;
import io.sealtrail.client.SignedEnvelope;
import io.sealtrail.client.http.Retrying;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Signs the demo's events, then posts them in NDJSON batches at a steady rate, a batch the platform
 * could not take retried by the partner client (503: duplicates are recognised), and tallies the
 * answers and the rate it sent at.
 *
 * <p>Every event is signed before the first batch goes out, in parallel: the eleven partners sign
 * on their own machines in reality, while here they share the platform's cores, and a signature
 * costs the demo about what verifying it costs ingest. Signing while sending made the demo the
 * bottleneck of the very rate it reports.
 */
final class DemoSubmitter {
  static final int BATCH = 500;
  static final int IN_FLIGHT = 4;
  private final Retrying client;
  private final Clock clock;
  private final SubmissionTally tally = new SubmissionTally();
  private volatile SendRate rate = SendRate.NONE;

  /** Posts through {@code client}, which retries what the platform could not take (503). */
  DemoSubmitter(Retrying client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  SubmissionTally tally() {
    return tally;
  }

  /** How fast the last {@link #send(List, double, ProgressBar)} sent; {@code NONE} before. */
  SendRate rate() {
    return rate;
  }

  /**
   * Signs {@code events}, then sends them at no more than {@code perSecond}, {@link #IN_FLIGHT}
   * batches at a time, showing progress on {@code bar}.
   */
  void send(List<DemoEvent> events, double perSecond, ProgressBar bar) throws IOException {
    long signingStarted = System.nanoTime();
    List<Batch> batches = Batch.signed(BatchPlan.of(events, BATCH, IN_FLIGHT));
    long started = System.nanoTime();
    long sent = 0;
    ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
    try {
      Deque<Future<Integer>> flying = new ArrayDeque<>();
      for (Batch batch : batches) {
        if (flying.size() == IN_FLIGHT) {
          sent += answered(flying.removeFirst());
          bar.show(sent, tally.rejectedTotal() + " rejected");
        }
        flying.addLast(senders.submit(() -> sendNow(batch)));
        pace(started, sent + batch.size(), perSecond);
      }
      while (!flying.isEmpty()) {
        sent += answered(flying.removeFirst());
        bar.show(sent, tally.rejectedTotal() + " rejected");
      }
    } finally {
      senders.shutdownNow();
    }
    long ended = System.nanoTime();
    rate =
        new SendRate(
            sent, Duration.ofNanos(ended - started), Duration.ofNanos(started - signingStarted));
  }

  private int sendNow(Batch batch) throws IOException {
    post(batch);
    return batch.size();
  }

  private static int answered(Future<Integer> batch) throws IOException {
    try {
      return batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while sending the demo's events");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }

  /** Sends one signed batch now, retrying while the service is unavailable; empty sends nothing. */
  private void post(Batch batch) throws IOException {
    if (batch.size() == 0) {
      return; // the plan's way of waiting for the batches in flight
    }
    var sentAt = clock.instant();
    List<Outcome> outcomes = client.post(batch.envelopes());
    for (int i = 0; i < batch.size(); i++) {
      tally.record(batch.events().get(i), outcomes.get(i), sentAt);
    }
  }

  private static void pace(long started, long sent, double perSecond) throws IOException {
    long due = started + (long) (sent / perSecond * 1e9);
    long ahead = due - System.nanoTime();
    if (ahead > 0) {
      sleep(ahead / 1_000_000);
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while sending the demo's events");
    }
  }

  /** A planned batch with its events' envelopes, signed and ready to post (and to repost). */
  private record Batch(List<DemoEvent> events, List<SignedEnvelope> envelopes) {
    static Batch sign(List<DemoEvent> events) {
      return new Batch(events, events.stream().map(e -> SignedEnvelope.of(e.envelope())).toList());
    }

    /** Every batch signed, spread over the cores; in plan order. */
    static List<Batch> signed(List<List<DemoEvent>> plan) {
      return plan.parallelStream().map(Batch::sign).toList();
    }

    int size() {
      return events.size();
    }
  }
}
