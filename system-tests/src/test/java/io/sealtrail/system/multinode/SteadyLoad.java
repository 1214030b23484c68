package io.sealtrail.system.multinode;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Every round of {@code lives}, sent at a constant rate in batches of {@link #SERIALS_PER_BATCH}
 * events: for each wave of that many serials, round 0 of each, then round 1, ..., batch {@code b}
 * due {@code b} intervals after the start. A wave's batches go out in order from one of {@link
 * #LANES} threads (wave {@code w} on lane {@code w % LANES}), so a serial's events are acknowledged
 * in order while a slow answer holds up only its own lane. Batches alternate between the ingest
 * instances, each sent to the other when the first fails ({@link IngestClient}). Each batch's
 * latency is from when it was due to when it was acknowledged (a late batch counts its wait), and
 * filed under the phase that was current when it was sent (a lane that is behind sends at once).
 */
final class SteadyLoad {
  static final int SERIALS_PER_BATCH = 5;
  static final int LANES = 4;

  /** One acknowledged batch: its phase, due-to-acknowledged and sent-to-acknowledged, in ms. */
  record Ack(String phase, double latencyMs, double serviceMs) {}

  private final DeviceLives lives;
  private final Partner partner;
  private final IngestClient client;
  private final List<URI> ingest;
  private final double eventsPerSecond;
  private final Supplier<String> phase;
  private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> lanes = new ArrayList<>();
  private volatile Throwable failure;
  private volatile long started;
  private long begun = -1; // guarded by this
  private long waveLimit = Long.MAX_VALUE; // guarded by this

  SteadyLoad(
      DeviceLives lives,
      Partner partner,
      IngestClient client,
      List<URI> ingest,
      double eventsPerSecond,
      Supplier<String> phase) {
    this.lives = lives;
    this.partner = partner;
    this.client = client;
    this.ingest = List.copyOf(ingest);
    this.eventsPerSecond = eventsPerSecond;
    this.phase = phase;
    for (int lane = 0; lane < LANES; lane++) {
      int index = lane;
      Thread thread = new Thread(() -> run(index), "steady-load-" + lane);
      thread.setDaemon(true);
      lanes.add(thread);
    }
  }

  /** How many serials a load of {@code seconds} at {@code eventsPerSecond} needs. */
  static int serialsFor(double seconds, double eventsPerSecond) {
    int waves =
        (int) Math.ceil(seconds * eventsPerSecond / (SERIALS_PER_BATCH * DeviceLives.ROUNDS));
    return Math.max(1, waves) * SERIALS_PER_BATCH;
  }

  void start() {
    started = System.nanoTime();
    lanes.forEach(Thread::start);
  }

  private void run(int lane) {
    double interval = SERIALS_PER_BATCH / eventsPerSecond * 1e9;
    int serials = lives.serials().size();
    try {
      for (int first = lane * SERIALS_PER_BATCH;
          first < serials && failure == null;
          first += LANES * SERIALS_PER_BATCH) {
        long wave = first / SERIALS_PER_BATCH;
        if (!begin(wave, interval)) {
          return;
        }
        for (int round = 0; round < DeviceLives.ROUNDS; round++) {
          long batch = wave * DeviceLives.ROUNDS + round;
          long due = started + (long) (batch * interval);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
          String sentIn = phase.get();
          int r = round;
          List<String> envelopes =
              IntStream.range(first, Math.min(serials, first + SERIALS_PER_BATCH))
                  .mapToObj(i -> partner.envelope(lives.event(i, r)))
                  .toList();
          List<URI> order = new ArrayList<>(ingest);
          Collections.rotate(order, (int) (batch % ingest.size()));
          long sent = System.nanoTime();
          client.submit(envelopes, order);
          long now = System.nanoTime();
          acks.add(new Ack(sentIn, (now - due) / 1e6, (now - sent) / 1e6));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      failure = e;
    }
  }

  /**
   * Waits until wave {@code wave} is due and returns true, or false when the load was {@link
   * #finish() finished} before it began.
   */
  private boolean begin(long wave, double interval) throws InterruptedException {
    long wait = started + (long) (wave * DeviceLives.ROUNDS * interval) - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    synchronized (this) {
      if (wave >= waveLimit) {
        return false;
      }
      begun = Math.max(begun, wave);
      return true;
    }
  }

  /**
   * Begins no wave after those begun so far: every begun wave is sent to its last round, and so is
   * every earlier one a slower lane has yet to begin. The serials sent are then the first {@link
   * #serialsSent()} of the lives.
   */
  synchronized void finish() {
    waveLimit = begun + 1;
  }

  /** How many serials (the first ones of the lives) are sent in full once the load ends. */
  synchronized int serialsSent() {
    return (int) Math.min(lives.serials().size(), waveLimit * SERIALS_PER_BATCH);
  }

  /** Waits until every batch is acknowledged; rethrows what stopped the load. */
  void await(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    for (Thread lane : lanes) {
      lane.join(Math.max(1, deadline - System.currentTimeMillis()));
    }
    if (failure != null) {
      throw new AssertionError("the load stopped: " + failure.getMessage(), failure);
    }
    if (lanes.stream().anyMatch(Thread::isAlive)) {
      throw new AssertionError("the load was not acknowledged within " + timeoutMillis + " ms");
    }
  }

  int acknowledgedBatches() {
    return acks.size();
  }

  /** Latency per phase, in the order phases came. */
  Map<String, List<Ack>> byPhase() {
    Map<String, List<Ack>> phases = new LinkedHashMap<>();
    synchronized (acks) {
      for (Ack ack : acks) {
        phases.computeIfAbsent(ack.phase(), p -> new ArrayList<>()).add(ack);
      }
    }
    return phases;
  }

  void stop() {
    lanes.forEach(Thread::interrupt);
  }
}
