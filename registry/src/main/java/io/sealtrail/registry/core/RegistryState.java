package io.sealtrail.registry.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The registry's in-memory view, changed only by applying log records in log order. Lookups by id
 * or content scan the versions: registries hold hundreds of schemas, and clients cache by id.
 */
final class RegistryState {
  private final Map<String, TreeMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private final Map<String, Mode> subjectModes = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private Mode globalMode;
  private int maxId;

  synchronized void apply(LogRecord record) {
    if (record instanceof LogRecord.SchemaWritten written) {
      SchemaVersion version = written.version();
      subjects
          .computeIfAbsent(version.subject(), s -> new TreeMap<>())
          .put(version.version(), version);
      maxId = Math.max(maxId, version.id());
    } else if (record instanceof LogRecord.IdReserved reserved) {
      maxId = Math.max(maxId, reserved.id());
    } else if (record instanceof LogRecord.SchemaRemoved removed) {
      TreeMap<Integer, SchemaVersion> versions = subjects.get(removed.subject());
      if (versions != null) {
        versions.remove(removed.version());
      }
    } else if (record instanceof LogRecord.SubjectDeleted deleted) {
      subjects
          .getOrDefault(deleted.subject(), new TreeMap<>())
          .headMap(deleted.version(), true)
          .replaceAll((v, version) -> version.softDeleted());
    } else {
      applySetting(record);
    }
  }

  private void applySetting(LogRecord record) {
    if (record instanceof LogRecord.ConfigWritten config) {
      config
          .subject()
          .ifPresentOrElse(
              s -> subjectLevels.put(s, config.level()), () -> globalLevel = config.level());
    } else if (record instanceof LogRecord.ConfigRemoved config) {
      config.subject().ifPresentOrElse(subjectLevels::remove, () -> globalLevel = null);
    } else if (record instanceof LogRecord.ModeWritten mode) {
      mode.subject()
          .ifPresentOrElse(s -> subjectModes.put(s, mode.mode()), () -> globalMode = mode.mode());
    } else if (record instanceof LogRecord.ModeRemoved mode) {
      mode.subject().ifPresentOrElse(subjectModes::remove, () -> globalMode = null);
    }
  }

  /** Every version record of the subject, soft-deleted ones included, oldest first. */
  synchronized List<SchemaVersion> versions(String subject) {
    return new ArrayList<>(subjects.getOrDefault(subject, new TreeMap<>()).values());
  }

  synchronized List<String> subjectNames() {
    return new ArrayList<>(subjects.keySet());
  }

  /** Every version record, across subjects, that uses the id. */
  synchronized List<SchemaVersion> usagesOf(int id) {
    return all().filter(v -> v.id() == id).toList();
  }

  /** The id of this canonical content, if any record (even soft-deleted) still holds it. */
  synchronized Optional<Integer> idOf(String canonical) {
    return all().filter(v -> v.schema().equals(canonical)).map(SchemaVersion::id).findFirst();
  }

  /** The canonical schema whose GUID this is, if any record holds it. */
  synchronized Optional<String> schemaOf(UUID guid) {
    return all()
        .map(SchemaVersion::schema)
        .filter(schema -> AvroSchemas.guid(schema).equals(guid))
        .findFirst();
  }

  synchronized int maxId() {
    return maxId;
  }

  synchronized Optional<CompatibilityLevel> level(Optional<String> subject) {
    return subject.isPresent()
        ? Optional.ofNullable(subjectLevels.get(subject.get()))
        : Optional.ofNullable(globalLevel);
  }

  synchronized Optional<Mode> mode(Optional<String> subject) {
    return subject.isPresent()
        ? Optional.ofNullable(subjectModes.get(subject.get()))
        : Optional.ofNullable(globalMode);
  }

  private Stream<SchemaVersion> all() {
    return subjects.values().stream().flatMap(versions -> versions.values().stream());
  }
}
