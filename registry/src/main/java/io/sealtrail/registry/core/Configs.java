package io.sealtrail.registry.core;

import java.util.List;
import java.util.Optional;

/**
 * Global and per-subject compatibility levels, falling back to the server default; changes go
 * through the core's log under its write lock.
 */
public final class Configs {
  private final RegistryState state;
  private final RegistryLog log;
  private final CompatibilityLevel serverDefault;
  private final Object writeLock;

  Configs(
      RegistryState state, RegistryLog log, CompatibilityLevel serverDefault, Object writeLock) {
    this.state = state;
    this.log = log;
    this.serverDefault = serverDefault;
    this.writeLock = writeLock;
  }

  /** The global level (empty subject) or the subject's own; see {@link #subject}. */
  public CompatibilityLevel get(Optional<String> subject, boolean defaultToGlobal) {
    return subject.map(s -> subject(s, defaultToGlobal)).orElseGet(this::global);
  }

  CompatibilityLevel global() {
    return state.level(Optional.empty()).orElse(serverDefault);
  }

  /** The subject's own level, else the global one, else the server default. */
  CompatibilityLevel effective(String subject) {
    return state.level(Optional.of(subject)).orElseGet(this::global);
  }

  /** The subject's own level; 40408 when it has none and the global one was not asked for. */
  private CompatibilityLevel subject(String subject, boolean defaultToGlobal) {
    Optional<CompatibilityLevel> own = state.level(Optional.of(subject));
    if (own.isEmpty() && !defaultToGlobal) {
      throw Errors.noSubjectConfig(subject);
    }
    return own.orElseGet(this::global);
  }

  public void update(Optional<String> subject, CompatibilityLevel level) {
    subject.ifPresent(Subjects::validate);
    synchronized (writeLock) {
      log.append(List.of(new LogRecord.ConfigWritten(subject, level)));
    }
  }

  /** Removes a level and answers the one removed; a subject without its own level is 40401. */
  public CompatibilityLevel delete(Optional<String> subject) {
    synchronized (writeLock) {
      Optional<CompatibilityLevel> previous = state.level(subject);
      if (subject.isPresent() && previous.isEmpty()) {
        throw Errors.subjectNotFound(subject.get());
      }
      log.append(List.of(new LogRecord.ConfigRemoved(subject)));
      return previous.orElse(serverDefault);
    }
  }
}
