package io.sealtrail.anomaly.lifecycle;

/** Kafka did not acknowledge a command in time: nothing is known of it; the operator retries. */
public final class CommandNotTakenException extends RuntimeException {
  public CommandNotTakenException(String message, Throwable cause) {
    super(message, cause);
  }
}
