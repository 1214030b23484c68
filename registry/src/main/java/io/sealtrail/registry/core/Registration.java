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
  private final Modes modes;

  Registration(RegistryState state, RegistryLog log, Configs configs, Modes modes) {
    this.state = state;
    this.log = log;
    this.configs = configs;
    this.modes = modes;
  }

  /**
   * Must run under the core's write lock: it decides from state, then appends. An explicit id (and
   * version) is only accepted in IMPORT mode, which also skips the compatibility check.
   */
  SchemaVersion register(
      String subject, String schemaText, Optional<Integer> id, Optional<Integer> version) {
    Mode mode = modes.effective(subject);
    checkMode(subject, mode, id);
    Schema schema = AvroSchemas.parseStrict(schemaText);
    SubjectHistory history = history(subject);
    Optional<SchemaVersion> same =
        history.live().stream().filter(v -> v.schema().equals(schema.toString())).findFirst();
    if (same.isPresent()) {
      return same.get();
    }
    return mode == Mode.IMPORT
        ? imported(history, schema.toString(), id.orElseThrow(), version)
        : checked(history, schema);
  }

  /** A new version after the compatibility check, with the content's id or the next one. */
  private SchemaVersion checked(SubjectHistory history, Schema schema) {
    CompatibilityLevel level = configs.effective(history.subject());
    List<String> problems = level.check(schema, level.comparedWith(history.liveNewestFirst()));
    if (!problems.isEmpty()) {
      throw Errors.incompatible(history.subject(), problems);
    }
    String canonical = schema.toString();
    int id = state.idOf(canonical).orElse(state.maxId() + 1);
    SchemaVersion created =
        new SchemaVersion(history.subject(), history.nextVersion(), id, canonical, false);
    List<LogRecord> writes = new ArrayList<>();
    // Like Confluent: a soft-deleted older version with the same id gives way to the new one.
    history.all().stream()
        .filter(v -> v.deleted() && v.id() == id)
        .forEach(v -> writes.add(new LogRecord.SchemaRemoved(history.subject(), v.version())));
    writes.add(new LogRecord.SchemaWritten(created));
    log.append(writes);
    return created;
  }

  private static void checkMode(String subject, Mode mode, Optional<Integer> id) {
    if (mode.refusesWrites()) {
      throw Errors.operationNotPermitted("Subject " + subject + " is in read-only mode");
    }
    if (id.isPresent() && mode != Mode.IMPORT) {
      throw Errors.operationNotPermitted(
          "Overwrite new schema with id " + id.get() + " is not permitted outside IMPORT mode");
    }
    if (id.isEmpty() && mode == Mode.IMPORT) {
      throw Errors.operationNotPermitted("A schema id is required to register in IMPORT mode");
    }
  }

  private SchemaVersion imported(
      SubjectHistory history, String canonical, int id, Optional<Integer> version) {
    Optional<SchemaVersion> clash =
        state.usagesOf(id).stream().filter(v -> !v.schema().equals(canonical)).findFirst();
    if (clash.isPresent()) {
      throw Errors.idMismatch(
          "Schema id "
              + id
              + " is already used by a different schema (subject '"
              + clash.get().subject()
              + "' version "
              + clash.get().version()
              + ")");
    }
    int number = version.orElse(history.nextVersion());
    if (history.holds(number)) {
      throw Errors.idMismatch(
          "Version " + number + " of subject '" + history.subject() + "' already exists");
    }
    SchemaVersion created = new SchemaVersion(history.subject(), number, id, canonical, false);
    log.append(List.of(new LogRecord.SchemaWritten(created)));
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
    // Confluent answers a missing version so even when the subject does not exist at all.
    // A soft-deleted version is no compatibility target, even named explicitly: 40402.
    SchemaVersion against = spec.pick(live);
    return configs.effective(subject).check(schema, List.of(against));
  }

  /** Compatibility of a candidate with the versions the subject's level names. */
  List<String> checkAll(String subject, String schemaText) {
    Schema schema = AvroSchemas.parseStrict(schemaText);
    CompatibilityLevel level = configs.effective(subject);
    return level.check(schema, level.comparedWith(history(subject).liveNewestFirst()));
  }

  private SubjectHistory history(String subject) {
    return new SubjectHistory(subject, state.versions(subject), state.reservedVersions(subject));
  }
}
