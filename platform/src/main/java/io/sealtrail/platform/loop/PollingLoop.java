package io.sealtrail.platform.loop;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background loop on a thread of its own: {@link Body#open()}, then {@link Body#poll()} until
 * {@link #close()}, then {@link Body#close()}, all on that thread. How it ended is {@link
 * #stopped()}: normally after {@link #close()}, exceptionally with the cause when a round threw. A
 * loop that dies is never silent: it logs the cause and {@link
 * io.sealtrail.platform.health.LoopHealthCheck} turns readiness and liveness DOWN naming it.
 *
 * <p>An exception thrown after {@link #close()} was called (a consumer's {@code WakeupException},
 * an interrupt) is the stop it asked for, not a failure.
 */
public final class PollingLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PollingLoop.class);
  private static final Duration JOIN = Duration.ofSeconds(10);

  /** What the loop does; every method but {@link #wakeup()} runs on the loop's thread. */
  public interface Body {
    /** Before the first round, e.g. assigning a consumer's partitions. */
    default void open() throws Exception {}

    /** One round of work; it should return within a poll timeout so that a stop is seen. */
    void poll() throws Exception;

    /** Called by {@link PollingLoop#close()} from another thread: cut a blocking round short. */
    default void wakeup() {}

    /** After the last round, whether it ended normally or not, e.g. closing a consumer. */
    default void close() throws Exception {}
  }

  private final String name;
  private final Body body;
  private final Thread thread;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile boolean running = true;

  public PollingLoop(String name, Body body) {
    this.name = Objects.requireNonNull(name, "name");
    this.body = Objects.requireNonNull(body, "body");
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
      try {
        body.close();
      } catch (Exception e) {
        LOG.warn("{} did not close cleanly: {}", name, e.toString());
      }
    }
    if (failure == null) {
      stopped.complete(null);
    } else {
      stopped.completeExceptionally(failure);
    }
  }

  /** Asks the loop to stop, wakes a blocking round up, and waits for the thread to end. */
  @Override
  public void close() {
    running = false;
    if (thread.getState() == Thread.State.NEW) {
      try {
        body.close(); // its thread, which closes it otherwise, never ran
      } catch (Exception e) {
        LOG.warn("{} did not close cleanly: {}", name, e.toString());
      }
      stopped.complete(null);
      return;
    }
    body.wakeup();
    try {
      thread.join(JOIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
