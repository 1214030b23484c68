package io.sealtrail.cli.demo;

import io.sealtrail.client.Outcome;
import io.sealtrail.client.SignedEnvelope;
import io.sealtrail.client.http.Retrying;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Signs the demo's events and posts them in NDJSON batches at a steady rate, a batch the platform
 * could not take retried by the partner client (503: duplicates are recognised), and tallies the
 * answers.
 */
final class DemoSubmitter {
  static final int BATCH = 500;
  static final int IN_FLIGHT = 4;
  private final Retrying client;
  private final Clock clock;
  private final SubmissionTally tally = new SubmissionTally();

  /** Posts through {@code client}, which retries what the platform could not take (503). */
  DemoSubmitter(Retrying client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  SubmissionTally tally() {
    return tally;
  }

  /**
   * Sends {@code events} at no more than {@code perSecond}, {@link #IN_FLIGHT} batches at a time,
   * showing progress on {@code bar}.
   */
  void send(List<DemoEvent> events, double perSecond, ProgressBar bar) throws IOException {
    long started = System.nanoTime();
    long sent = 0;
    ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
    try {
      Deque<Future<Integer>> flying = new ArrayDeque<>();
      for (List<DemoEvent> batch : BatchPlan.of(events, BATCH, IN_FLIGHT)) {
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
  }

  private int sendNow(List<DemoEvent> batch) throws IOException {
    send(batch);
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

  /**
   * Sends one batch now, retrying while the service is unavailable. An empty batch (the plan's way
   * of waiting for batches in flight) sends nothing.
   */
  void send(List<DemoEvent> batch) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    List<SignedEnvelope> envelopes = new ArrayList<>(batch.size());
    for (DemoEvent event : batch) {
      envelopes.add(SignedEnvelope.of(event.envelope()));
    }
    var sentAt = clock.instant();
    List<Outcome> outcomes = client.post(envelopes);
    for (int i = 0; i < batch.size(); i++) {
      tally.record(batch.get(i), outcomes.get(i), sentAt);
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
}
