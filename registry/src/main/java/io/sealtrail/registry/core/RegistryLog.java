package io.sealtrail.registry.core;

import java.util.List;

/**
 * Where registry changes are written. An implementation returns only once the records have been
 * applied to the state it was opened with, so a write is visible to the caller's next read.
 */
public interface RegistryLog {
  void append(List<LogRecord> records);
}
