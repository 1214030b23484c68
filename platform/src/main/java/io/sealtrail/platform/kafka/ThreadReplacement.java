package io.sealtrail.platform.kafka;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stream thread's uncaught error does: a broker-side failure of the thread's transaction or
 * a retriable Kafka error (a broker cut off mid-commit: {@code InvalidTxnStateException}, a
 * timeout) replaces the thread in the same process — exactly-once v2 aborts the open transaction
 * and the new thread resumes from the last commit — at most {@value #BUDGET} times per {@link
 * #WINDOW}; anything else, or a failure that keeps coming back, stops the client so that the
 * instance exits and its orchestrator restarts it. Before this, a network cut of one broker stopped
 * the anomaly-service for good where nothing restarted it (docs/faults.md).
 */
final class ThreadReplacement implements StreamsUncaughtExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacement.class);
  static final int BUDGET = 3;
  static final Duration WINDOW = Duration.ofMinutes(10);

  private final String name;
  private final Clock clock;
  private final Deque<Instant> recent = new ArrayDeque<>();

  ThreadReplacement(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable error) {
    if (!transientKafkaFailure(error)) {
      LOG.error("{}: stream thread failed; stopping the instance", name, error);
      return SHUTDOWN_CLIENT;
    }
    Instant now = clock.instant();
    while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
      recent.removeFirst();
    }
    if (recent.size() >= BUDGET) {
      LOG.error(
          "{}: stream thread failed {} times within {}; stopping the instance",
          name,
          BUDGET + 1,
          WINDOW,
          error);
      return SHUTDOWN_CLIENT;
    }
    recent.addLast(now);
    LOG.warn(
        "{}: stream thread lost its transaction to Kafka; replacing it: {}",
        name,
        error.toString());
    return REPLACE_THREAD;
  }

  /** Whether the cause chain holds a Kafka error that a fresh thread and producer can get past. */
  static boolean transientKafkaFailure(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidTxnStateException
          || t instanceof TransactionAbortableException
          || t instanceof RetriableException) {
        return true;
      }
    }
    return false;
  }
}
