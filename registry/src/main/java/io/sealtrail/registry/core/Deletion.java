package io.sealtrail.registry.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Soft and hard deletes with Confluent's rules: a soft delete keeps ids readable, a hard delete
 * needs a soft delete first and removes the records (and the subject's config and mode with its
 * last one).
 */
final class Deletion {
  private final RegistryState state;
  private final RegistryLog log;

  Deletion(RegistryState state, RegistryLog log) {
    this.state = state;
    this.log = log;
  }

  List<Integer> deleteSubject(String subject, boolean permanent) {
    SubjectHistory history = new SubjectHistory(subject, state.versions(subject));
    if (history.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    List<SchemaVersion> live = history.live();
    if (!permanent) {
      if (live.isEmpty()) {
        throw Errors.subjectSoftDeleted(subject);
      }
      log.append(
          List.of(new LogRecord.SubjectDeleted(subject, live.get(live.size() - 1).version())));
      return numbers(live);
    }
    if (!live.isEmpty()) {
      throw Errors.subjectNotSoftDeleted(subject);
    }
    List<LogRecord> writes = new ArrayList<>();
    history.all().forEach(v -> writes.add(new LogRecord.SchemaRemoved(subject, v.version())));
    writes.addAll(settingsRemoved(subject));
    log.append(writes);
    return numbers(history.all());
  }

  int deleteVersion(String subject, VersionSpec spec, boolean permanent) {
    SubjectHistory history = new SubjectHistory(subject, state.versions(subject));
    if (history.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    // Like Confluent: a soft delete of "latest" means the newest live version (40406 when every one
    // is soft-deleted already), a permanent one the newest record, soft-deleted or not.
    boolean latestLive = spec.isLatest() && !permanent && !history.live().isEmpty();
    SchemaVersion target = spec.pick(latestLive ? history.live() : history.all());
    if (!permanent) {
      if (target.deleted()) {
        throw Errors.versionSoftDeleted(subject, target.version());
      }
      log.append(List.of(new LogRecord.SchemaWritten(target.softDeleted())));
      return target.version();
    }
    if (!target.deleted()) {
      throw Errors.versionNotSoftDeleted(subject, target.version());
    }
    List<LogRecord> writes = new ArrayList<>();
    writes.add(new LogRecord.SchemaRemoved(subject, target.version()));
    if (history.all().size() == 1) {
      writes.addAll(settingsRemoved(subject));
    }
    log.append(writes);
    return target.version();
  }

  /** A subject's last record hard-deleted takes its config and mode with it (spec §2.8). */
  private List<LogRecord> settingsRemoved(String subject) {
    List<LogRecord> removals = new ArrayList<>();
    if (state.level(Optional.of(subject)).isPresent()) {
      removals.add(new LogRecord.ConfigRemoved(Optional.of(subject)));
    }
    if (state.mode(Optional.of(subject)).isPresent()) {
      removals.add(new LogRecord.ModeRemoved(Optional.of(subject)));
    }
    return removals;
  }

  private static List<Integer> numbers(List<SchemaVersion> versions) {
    return versions.stream().map(SchemaVersion::version).toList();
  }
}
