package io.sealtrail.registry.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Register, lookup and compatibility checks, following Confluent's algorithm: idempotent
 * re-register first, then global id reuse by content, then the compatibility check.
 */
final class Registration {
  private final RegistryState state;
  private final RegistryLog log;
  private final Configs configs;

  Registration(RegistryState state, RegistryLog log, Configs configs) {
    this.state = state;
    this.log = log;
    this.configs = configs;
  }

  /** Must run under the core's write lock: it decides from state, then appends. */
  SchemaVersion register(String subject, String schemaText) {
    Schema schema = AvroSchemas.parseStrict(schemaText);
    String canonical = schema.toString();
    SubjectHistory history = history(subject);
    Optional<SchemaVersion> same =
        history.live().stream().filter(v -> v.schema().equals(canonical)).findFirst();
    if (same.isPresent()) {
      return same.get();
    }
    CompatibilityLevel level = configs.effective(subject);
    List<String> problems = level.check(schema, level.comparedWith(history.liveNewestFirst()));
    if (!problems.isEmpty()) {
      throw Errors.incompatible(subject, problems);
    }
    int id = state.idOf(canonical).orElse(state.maxId() + 1);
    SchemaVersion created = new SchemaVersion(subject, history.nextVersion(), id, canonical, false);
    List<LogRecord> writes = new ArrayList<>();
    // Like Confluent: a soft-deleted older version with the same id gives way to the new one.
    history.all().stream()
        .filter(v -> v.deleted() && v.id() == id)
        .forEach(v -> writes.add(new LogRecord.SchemaRemoved(subject, v.version())));
    writes.add(new LogRecord.SchemaWritten(created));
    log.append(writes);
    return created;
  }

  SchemaVersion lookup(String subject, String schemaText, boolean includeDeleted) {
    String canonical = AvroSchemas.canonical(schemaText);
    List<SchemaVersion> visible = new ArrayList<>(history(subject).visible(includeDeleted));
    for (int i = visible.size() - 1; i >= 0; i--) {
      if (visible.get(i).schema().equals(canonical)) {
        return visible.get(i);
      }
    }
    throw Errors.schemaNotFound();
  }

  /** Compatibility of a candidate with one version ({@code latest} when none live is fine). */
  List<String> check(String subject, VersionSpec spec, String schemaText) {
    Schema schema = AvroSchemas.parseStrict(schemaText);
    SubjectHistory history = history(subject);
    List<SchemaVersion> live = history.live();
    if (spec.isLatest() && live.isEmpty()) {
      return List.of();
    }
    if (!spec.isLatest() && history.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    SchemaVersion against = spec.pick(spec.isLatest() ? live : history.all());
    return configs.effective(subject).check(schema, List.of(against));
  }

  /** Compatibility of a candidate with the versions the subject's level names. */
  List<String> checkAll(String subject, String schemaText) {
    Schema schema = AvroSchemas.parseStrict(schemaText);
    CompatibilityLevel level = configs.effective(subject);
    return level.check(schema, level.comparedWith(history(subject).liveNewestFirst()));
  }

  private SubjectHistory history(String subject) {
    return new SubjectHistory(subject, state.versions(subject));
  }
}
