package io.sealtrail.ingest.pipeline;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The examinations of polled records ({@link SubmissionDecider#examine}: parse, trust, schema),
 * started on a small pool as soon as the records are polled and taken back one by one in the order
 * the transaction decides them (ADR 16). The pool only moves work earlier and onto other cores; it
 * decides nothing, so the order of decisions and writes stays the order of the records. A record
 * whose examination was not started, or was forgotten, is examined on the taking thread.
 *
 * <p>{@link #start}, {@link #take} and {@link #forget} are called by the loop thread only.
 */
final class Examinations<T> implements AutoCloseable {
  private final ExecutorService pool;
  private final Function<ConsumerRecord<String, byte[]>, T> examine;
  // Keyed by identity: a record read again after an abort is a new object, examined again.
  private final Map<ConsumerRecord<String, byte[]>, Future<T>> started = new IdentityHashMap<>();

  /** Examines on {@code pool}; a null pool examines each record when it is taken. */
  Examinations(ExecutorService pool, Function<ConsumerRecord<String, byte[]>, T> examine) {
    this.pool = pool;
    this.examine = examine;
  }

  /** {@code threads} daemon threads named after {@code name}, or none when {@code threads} is 0. */
  static ExecutorService pool(String name, int threads) {
    if (threads == 0) {
      return null;
    }
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
          thread.setDaemon(true); // never keeps a JVM alive; the loop shuts the pool down
          return thread;
        };
    return Executors.newFixedThreadPool(threads, factory);
  }

  void start(List<ConsumerRecord<String, byte[]>> records) {
    if (pool == null) {
      return;
    }
    for (ConsumerRecord<String, byte[]> record : records) {
      started.put(record, pool.submit(() -> examine.apply(record)));
    }
  }

  /** The examination of {@code record}, waiting for it if it is still running. */
  T take(ConsumerRecord<String, byte[]> record) {
    Future<T> future = started.remove(record);
    if (future == null) {
      return examine.apply(record);
    }
    try {
      return future.get();
    } catch (ExecutionException e) {
      // Whatever the examination threw, as if it had run here: a RuntimeException stops the loop.
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("examination failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an examination", e);
    }
  }

  /** Forgets the examinations of {@code partitions}' records: they will not be taken. */
  void forget(Collection<TopicPartition> partitions) {
    started
        .entrySet()
        .removeIf(
            entry -> {
              ConsumerRecord<String, byte[]> record = entry.getKey();
              boolean gone =
                  partitions.contains(new TopicPartition(record.topic(), record.partition()));
              if (gone) {
                entry.getValue().cancel(false);
              }
              return gone;
            });
  }

  /** Forgets every examination not taken (an aborted transaction's records are read again). */
  void forgetAll() {
    started.values().forEach(future -> future.cancel(false));
    started.clear();
  }

  int pending() {
    return started.size();
  }

  @Override
  public void close() {
    forgetAll();
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
