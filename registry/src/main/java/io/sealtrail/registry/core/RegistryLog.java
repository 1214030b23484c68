package io.sealtrail.registry.core;

import java.util.List;

/**
 * Where registry changes are written. An implementation returns only once the records have been
 * applied to the state it was opened with, so a write is visible to the caller's next read.
 */
public interface RegistryLog extends AutoCloseable {
  void append(List<LogRecord> records);

  /**
   * Returns once every record already in the log has been applied, including records of an earlier
   * append whose outcome was unknown (it timed out or failed while the record may still land); a
   * log that cannot tell answers 50002. Writers call it before deciding, under the write lock.
   */
  default void catchUp() {}

  /**
   * Whether records still reach the state: a log read back by a background loop answers stopped,
   * with the cause, once that loop died; an in-memory log always follows.
   */
  default LogState state() {
    return LogState.FOLLOWING;
  }

  /** Releases what the log holds; an in-memory log holds nothing. */
  @Override
  default void close() {}
}
