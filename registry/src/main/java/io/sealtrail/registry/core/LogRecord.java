package io.sealtrail.registry.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One change of registry state as it travels through the {@code _schemas} log; every variant maps
 * to one of Confluent's key types (SCHEMA, CONFIG, DELETE_SUBJECT).
 */
public sealed interface LogRecord {

  /** A version written or rewritten (soft delete rewrites it with {@code deleted=true}). */
  record SchemaWritten(SchemaVersion version) implements LogRecord {
    public SchemaWritten {
      Objects.requireNonNull(version, "version");
    }
  }

  /** A version hard-deleted: a tombstone for its SCHEMA key. */
  record SchemaRemoved(String subject, int version) implements LogRecord {
    public SchemaRemoved {
      Objects.requireNonNull(subject, "subject");
    }
  }

  /** A compatibility level set globally (empty subject) or for one subject. */
  record ConfigWritten(Optional<String> subject, CompatibilityLevel level) implements LogRecord {
    public ConfigWritten {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(level, "level");
    }
  }

  /** A compatibility level removed: a tombstone for its CONFIG key. */
  record ConfigRemoved(Optional<String> subject) implements LogRecord {
    public ConfigRemoved {
      Objects.requireNonNull(subject, "subject");
    }
  }

  /** A mode set globally (empty subject) or for one subject. */
  record ModeWritten(Optional<String> subject, Mode mode) implements LogRecord {
    public ModeWritten {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(mode, "mode");
    }
  }

  /** A mode removed: a tombstone for its MODE key. */
  record ModeRemoved(Optional<String> subject) implements LogRecord {
    public ModeRemoved {
      Objects.requireNonNull(subject, "subject");
    }
  }

  /** A whole subject soft-deleted: every version up to {@code version} counts as deleted. */
  record SubjectDeleted(String subject, int version) implements LogRecord {
    public SubjectDeleted {
      Objects.requireNonNull(subject, "subject");
    }
  }

  /**
   * A schema this registry cannot serve (another schema type, or with references), read from a
   * topic shared with Confluent's registry: its id stays taken so it is never handed out again.
   */
  record IdReserved(int id) implements LogRecord {}
}
