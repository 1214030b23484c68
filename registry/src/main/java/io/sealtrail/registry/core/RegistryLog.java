package io.sealtrail.registry.core;

import java.util.List;

/**
 * Where registry changes are written. An implementation returns only once the records have been
 * applied to the state it was opened with, so a write is visible to the caller's next read.
 */
public interface RegistryLog extends AutoCloseable {
  void append(List<LogRecord> records);

  /** Releases what the log holds; an in-memory log holds nothing. */
  @Override
  default void close() {}
}
