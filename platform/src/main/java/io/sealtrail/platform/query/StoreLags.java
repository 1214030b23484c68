package io.sealtrail.platform.query;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;

/**
 * Whether this instance's copy of a store partition has caught up with its changelog, from a
 * snapshot of {@code KafkaStreams.allLocalStorePartitionLags()} (an admin round trip to the broker)
 * shared by the reads of up to {@link #MAX_AGE}: a lot trace reads thousands of keys of a few
 * partitions, and one round trip per key took a 100,000-device trace past a minute.
 *
 * <p>The round trip is bounded: Kafka Streams waits for the end offsets without a timeout of its
 * own (only the admin client's {@code default.api.timeout.ms}, 60 s), and a broker that stops while
 * it is asked (a lost partition leader) held every query of the instance that long, then failed it
 * with a 500. Here one question is asked at a time on a thread of its own; a read waits for it at
 * most {@link #ASK_AT_MOST} after the question was asked, and is then answered 503 (the client
 * retries), while the question goes on and serves the reads that come after it.
 */
final class StoreLags {
  /**
   * How long a caught-up partition is trusted without asking again: a running active task reports
   * no lag, so the snapshot spares repeated questions. The cost is a window of at most this long in
   * which a partition that was caught up here when the snapshot was taken is still trusted; a
   * restore begun since is refused by {@link RestoringStores} on every read, and a lagging or
   * unknown partition is always asked about afresh before it is answered 503.
   */
  static final Duration MAX_AGE = Duration.ofSeconds(1);

  /** How long a read waits for the broker's answer, counted from when the question was asked. */
  static final Duration ASK_AT_MOST = Duration.ofSeconds(2);

  private final Supplier<Map<String, Map<Integer, Long>>> lags;
  private final LongSupplier nanoTime;
  private final Duration askAtMost;
  private final Executor asker;
  private volatile Snapshot snapshot;
  private Question asking;

  /**
   * {@code lags} asks the broker: store → partition → offsets behind the changelog; it runs on
   * {@code asker}, and a read waits for it at most {@code askAtMost} on {@code nanoTime}'s clock.
   */
  StoreLags(
      Supplier<Map<String, Map<Integer, Long>>> lags,
      LongSupplier nanoTime,
      Duration askAtMost,
      Executor asker) {
    this.lags = lags;
    this.nanoTime = nanoTime;
    this.askAtMost = askAtMost;
    this.asker = asker;
  }

  /** The lags of {@code streams}' local store partitions, on the system clock. */
  static StoreLags of(KafkaStreams streams) {
    ThreadPoolExecutor asker =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "store-lags");
              t.setDaemon(true);
              return t;
            });
    // No thread kept while nobody reads: the service may close its streams and go.
    asker.allowCoreThreadTimeOut(true);
    return new StoreLags(
        () -> offsetLags(streams.allLocalStorePartitionLags()),
        System::nanoTime,
        ASK_AT_MOST,
        asker);
  }

  /**
   * @throws StoreUnavailableException while {@code partition} of {@code store} lags its changelog
   *     or is not (yet) an active or standby copy here, or when the broker does not say in time
   */
  void requireCaughtUp(String store, int partition) {
    Snapshot seen = snapshot;
    if (seen != null && isFresh(seen) && seen.caughtUp(store, partition)) {
      return;
    }
    if (!answer(askAfter(seen), store, partition).caughtUp(store, partition)) {
      throw new StoreUnavailableException(store + " partition " + partition + " is catching up");
    }
  }

  private boolean isFresh(Snapshot s) {
    return nanoTime.getAsLong() - s.takenAt() < MAX_AGE.toNanos();
  }

  // One question at a time, for the reads that find the snapshot stale at once; a snapshot taken
  // while a caller waited is newer than its question, so it answers it. A question that is still
  // out is joined, not asked again, however long it takes.
  private synchronized Question askAfter(Snapshot seen) {
    if (snapshot != seen) {
      return new Question(CompletableFuture.completedFuture(snapshot), nanoTime.getAsLong());
    }
    if (asking == null || asking.answer().isDone()) {
      long askedAt = nanoTime.getAsLong();
      CompletableFuture<Snapshot> answer =
          CompletableFuture.supplyAsync(
              () -> {
                // Kept before the answer completes, so that no waiter woken by it asks again.
                Snapshot taken = new Snapshot(lags.get(), askedAt);
                snapshot = taken;
                return taken;
              },
              asker);
      asking = new Question(answer, askedAt);
    }
    return asking;
  }

  private Snapshot answer(Question question, String store, int partition) {
    long left = question.askedAt() + askAtMost.toNanos() - nanoTime.getAsLong();
    try {
      return question.answer().get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new StoreUnavailableException(
          "the broker did not say within "
              + askAtMost.toMillis()
              + " ms whether "
              + store
              + " partition "
              + partition
              + " is caught up",
          e);
    } catch (ExecutionException e) {
      // E.g. Kafka Streams' "Unable to obtain end offsets from kafka" once the admin gave up.
      throw new StoreUnavailableException(
          "the lag of " + store + " partition " + partition + " is unknown: " + e.getCause(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while asking the lag of " + store, e);
    }
  }

  private static Map<String, Map<Integer, Long>> offsetLags(
      Map<String, Map<Integer, LagInfo>> lags) {
    Map<String, Map<Integer, Long>> offsets = new HashMap<>();
    lags.forEach(
        (store, partitions) -> {
          Map<Integer, Long> behind = new HashMap<>();
          partitions.forEach((partition, lag) -> behind.put(partition, lag.offsetLag()));
          offsets.put(store, behind);
        });
    return offsets;
  }

  /** A question to the broker, the snapshot it will give, and when it was asked. */
  private record Question(CompletableFuture<Snapshot> answer, long askedAt) {}

  private record Snapshot(Map<String, Map<Integer, Long>> lags, long takenAt) {
    boolean caughtUp(String store, int partition) {
      Long behind = lags.getOrDefault(store, Map.of()).get(partition);
      return behind != null && behind == 0;
    }
  }
}
