package io.sealtrail.platform.loop;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background loop on a thread of its own: {@link Body#open()}, then {@link Body#poll()} until
 * {@link #close()}, then the resource it owns (e.g. a Kafka consumer) is closed, all on that
 * thread. How it ended is {@link #stopped()}: normally after {@link #close()}, exceptionally with
 * the cause when a round threw. A loop that dies is never silent: it logs the cause and {@link
 * io.sealtrail.platform.health.LoopHealthCheck} turns readiness and liveness DOWN naming it.
 *
 * <p>An exception thrown after {@link #close()} was called (a consumer's {@code WakeupException},
 * an interrupt) is the stop it asked for, not a failure.
 */
public final class PollingLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PollingLoop.class);
  private static final Duration JOIN = Duration.ofSeconds(10);

  /** What the loop does, on the loop's thread. */
  public interface Body {
    /** Before the first round, e.g. assigning a consumer's partitions. */
    default void open() throws Exception {}

    /** One round of work; it should return within a poll timeout so that a stop is seen. */
    void poll() throws Exception;
  }

  private final String name;
  private final Body body;
  private final Runnable wakeup;
  private final AutoCloseable owned;
  private final Thread thread;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile boolean running = true;

  /** A loop that owns nothing and whose rounds never block for long. */
  public PollingLoop(String name, Body body) {
    this(name, body, () -> {}, () -> {});
  }

  /**
   * @param wakeup called by {@link #close()} from another thread to cut a blocking round short,
   *     e.g. {@code consumer::wakeup}
   * @param owned closed on the loop's thread after the last round, however the loop ended, e.g. the
   *     consumer
   */
  public PollingLoop(String name, Body body, Runnable wakeup, AutoCloseable owned) {
    this.name = Objects.requireNonNull(name, "name");
    this.body = Objects.requireNonNull(body, "body");
    this.wakeup = Objects.requireNonNull(wakeup, "wakeup");
    this.owned = Objects.requireNonNull(owned, "owned");
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  public String name() {
    return name;
  }

  /** Starts the loop's thread; once only. */
  public PollingLoop start() {
    thread.start();
    return this;
  }

  /** False once {@link #close()} was called: a long round (a retry, a backoff) should end early. */
  public boolean running() {
    return running;
  }

  /**
   * Completes when the loop's thread ended: normally after {@link #close()}, exceptionally with the
   * cause when the loop died on its own.
   */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  /** What the loop died of; empty while it runs and after the stop {@link #close()} asked for. */
  public Optional<Throwable> failure() {
    return failureOf(stopped);
  }

  /** What {@code stopped} (a loop's {@link #stopped()}) completed exceptionally with, if it did. */
  public static Optional<Throwable> failureOf(CompletableFuture<?> stopped) {
    if (!stopped.isCompletedExceptionally()) {
      return Optional.empty();
    }
    try {
      stopped.join();
      return Optional.empty();
    } catch (CompletionException e) {
      return Optional.of(e.getCause() == null ? e : e.getCause());
    } catch (CancellationException e) {
      return Optional.of(e);
    }
  }

  private void run() {
    Throwable failure = null;
    try {
      body.open();
      while (running) {
        body.poll();
      }
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      if (running) {
        failure = e;
        LOG.error("{} stopped: {}", name, e.toString(), e);
      }
    } finally {
      closeOwned();
    }
    if (failure == null) {
      stopped.complete(null);
    } else {
      stopped.completeExceptionally(failure);
    }
  }

  private void closeOwned() {
    try {
      owned.close();
    } catch (Exception e) {
      LOG.warn("{} did not close cleanly: {}", name, e.toString());
    }
  }

  /** Asks the loop to stop, wakes a blocking round up, and waits for the thread to end. */
  @Override
  public void close() {
    running = false;
    if (thread.getState() == Thread.State.NEW) {
      closeOwned(); // its thread, which closes it otherwise, never ran
      stopped.complete(null);
      return;
    }
    wakeup.run();
    try {
      thread.join(JOIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
