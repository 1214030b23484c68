package io.sealtrail.registry.core;

import java.util.List;
import java.util.Optional;

/**
 * Global and per-subject modes, READWRITE unless set; changes go through the core's log under its
 * write lock.
 */
public final class Modes {
  private final RegistryState state;
  private final RegistryLog log;
  private final Object writeLock;

  Modes(RegistryState state, RegistryLog log, Object writeLock) {
    this.state = state;
    this.log = log;
    this.writeLock = writeLock;
  }

  /** The subject's own mode, else the global one, else READWRITE. */
  Mode effective(String subject) {
    return state
        .mode(Optional.of(subject))
        .or(() -> state.mode(Optional.empty()))
        .orElse(Mode.READWRITE);
  }

  /** The global mode (empty subject) or the subject's own; 40409 when it has none. */
  public Mode get(Optional<String> subject, boolean defaultToGlobal) {
    Optional<Mode> own = state.mode(subject);
    if (subject.isPresent() && own.isEmpty() && !defaultToGlobal) {
      throw new SchemaRegistryException(
          404,
          40409,
          "Subject '" + subject.get() + "' does not have subject-level mode configured");
    }
    return own.or(() -> state.mode(Optional.empty())).orElse(Mode.READWRITE);
  }

  /** Sets a mode; IMPORT over existing schemas needs {@code force}, as in Confluent. */
  public void update(Optional<String> subject, Mode mode, boolean force) {
    subject.ifPresent(Subjects::validate);
    synchronized (writeLock) {
      updateLocked(subject, mode, force);
    }
  }

  private void updateLocked(Optional<String> subject, Mode mode, boolean force) {
    boolean hasSchemas =
        subject
            .map(s -> !state.versions(s).isEmpty())
            .orElseGet(
                () -> !state.subjectNames().stream().allMatch(s -> state.versions(s).isEmpty()));
    if (mode == Mode.IMPORT && hasSchemas && !force) {
      throw Errors.operationNotPermitted(
          "Cannot import since found existing subjects; set force=true to switch to IMPORT mode anyway");
    }
    log.append(List.of(new LogRecord.ModeWritten(subject, mode)));
  }

  /** Removes a subject's mode and answers it; 40409 when it has none. */
  public Mode delete(String subject) {
    synchronized (writeLock) {
      Mode previous = get(Optional.of(subject), false);
      log.append(List.of(new LogRecord.ModeRemoved(Optional.of(subject))));
      return previous;
    }
  }
}
