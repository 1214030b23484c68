package io.sealtrail.registry.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The registry itself, independent of HTTP: the embedded server answers REST calls with it and the
 * {@code mock://} client calls it directly, so both have the same ids and rules. Writes are
 * serialized by one lock and go through the {@link RegistryLog}; reads see the applied state.
 */
public final class SchemaRegistryCore implements AutoCloseable {
  /** How long a write waits for the one before it before answering 50002. */
  public static final Duration WRITE_LOCK_WAIT = Duration.ofSeconds(30);

  private final WriteLock writeLock;
  private final RegistryLog log;
  private final RegistryState state;
  private final Configs configs;
  private final Modes modes;
  private final Registration registration;
  private final Deletion deletion;

  private SchemaRegistryCore(
      RegistryState state, RegistryLog log, CompatibilityLevel level, Duration lockWait) {
    this.state = state;
    this.log = log;
    this.writeLock = new WriteLock(log, lockWait);
    this.configs = new Configs(state, log, level, writeLock);
    this.modes = new Modes(state, log, writeLock);
    this.registration = new Registration(state, log, configs, modes);
    this.deletion = new Deletion(state, log);
  }

  /** A core whose log is opened with the function that applies read-back records to the state. */
  public static SchemaRegistryCore open(
      CompatibilityLevel defaultLevel, Function<Consumer<LogRecord>, RegistryLog> openLog) {
    return open(defaultLevel, openLog, WRITE_LOCK_WAIT);
  }

  /** As {@link #open(CompatibilityLevel, Function)}, waiting {@code lockWait} for a busy writer. */
  public static SchemaRegistryCore open(
      CompatibilityLevel defaultLevel,
      Function<Consumer<LogRecord>, RegistryLog> openLog,
      Duration lockWait) {
    RegistryState state = new RegistryState();
    return new SchemaRegistryCore(state, openLog.apply(state::apply), defaultLevel, lockWait);
  }

  /** A core kept in memory only: its log applies each record as it is appended. */
  public static SchemaRegistryCore inMemory(CompatibilityLevel defaultLevel) {
    return open(defaultLevel, apply -> records -> records.forEach(apply));
  }

  public SchemaVersion register(String subject, String schema) {
    return register(subject, schema, Optional.empty(), Optional.empty());
  }

  /** Registers with an explicit id and version, which only IMPORT mode accepts. */
  public SchemaVersion register(
      String subject, String schema, Optional<Integer> id, Optional<Integer> version) {
    Subjects.validate(subject);
    return writeLock.write(() -> registration.register(subject, schema, id, version));
  }

  public SchemaVersion lookup(String subject, String schema, boolean includeDeleted) {
    return registration.lookup(subject, schema, includeDeleted);
  }

  /** The canonical schema of an id; soft-deleted versions keep it readable. */
  public String schemaById(int id) {
    return state.usagesOf(id).stream()
        .findFirst()
        .orElseThrow(() -> Errors.schemaNotFound(id))
        .schema();
  }

  /** The highest id any record ever held ({@code fetchMaxId=true} of {@code /schemas/ids/{id}}). */
  public int maxId() {
    return state.maxId();
  }

  public String schemaByGuid(UUID guid) {
    return state.schemaOf(guid).orElseThrow(() -> Errors.schemaNotFound(guid));
  }

  /**
   * The subject versions that use an id; 40403 when no record holds it any more (Confluent's
   * message names no id here, unlike {@link #schemaById}).
   */
  public List<SchemaVersion> usagesOf(int id, boolean includeDeleted) {
    List<SchemaVersion> usages = state.usagesOf(id);
    if (usages.isEmpty()) {
      throw Errors.schemaNotFound();
    }
    return usages.stream().filter(v -> includeDeleted || !v.deleted()).toList();
  }

  public List<String> subjects(boolean includeDeleted, boolean deletedOnly) {
    return state.subjectNames().stream()
        .filter(
            s ->
                Subjects.listed(
                    new SubjectHistory(s, state.versions(s)), includeDeleted, deletedOnly))
        .sorted()
        .toList();
  }

  /**
   * Every version of the subjects starting with {@code prefix}, by subject then version ({@code GET
   * /schemas}); soft-deleted ones only with {@code includeDeleted}, only each subject's newest with
   * {@code latestOnly}.
   */
  public List<SchemaVersion> schemas(String prefix, boolean includeDeleted, boolean latestOnly) {
    return state.subjectNames().stream()
        .filter(s -> s.startsWith(prefix))
        .sorted()
        .flatMap(
            s -> {
              List<SchemaVersion> versions =
                  state.versions(s).stream().filter(v -> includeDeleted || !v.deleted()).toList();
              return latestOnly && !versions.isEmpty()
                  ? versions.subList(versions.size() - 1, versions.size()).stream()
                  : versions.stream();
            })
        .toList();
  }

  public List<SchemaVersion> versions(String subject, boolean includeDeleted) {
    return new SubjectHistory(subject, state.versions(subject)).visible(includeDeleted);
  }

  public SchemaVersion version(String subject, VersionSpec spec, boolean includeDeleted) {
    return spec.pick(versions(subject, includeDeleted));
  }

  public List<Integer> deleteSubject(String subject, boolean permanent) {
    refuseWhenReadOnly(subject);
    return writeLock.write(() -> deletion.deleteSubject(subject, permanent));
  }

  public int deleteVersion(String subject, VersionSpec spec, boolean permanent) {
    refuseWhenReadOnly(subject);
    return writeLock.write(() -> deletion.deleteVersion(subject, spec, permanent));
  }

  /** Problems of the candidate against one version of the subject; empty when compatible. */
  public List<String> checkCompatibility(String subject, VersionSpec spec, String schema) {
    return registration.check(subject, spec, schema);
  }

  /** Problems of the candidate against the versions the subject's level names. */
  public List<String> checkCompatibility(String subject, String schema) {
    return registration.checkAll(subject, schema);
  }

  /** Compatibility levels, global and per subject. */
  public Configs configs() {
    return configs;
  }

  /** Modes, global and per subject. */
  public Modes modes() {
    return modes;
  }

  private void refuseWhenReadOnly(String subject) {
    if (modes.effective(subject).refusesWrites()) {
      throw Errors.operationNotPermitted("Subject " + subject + " is in read-only mode");
    }
  }

  /** Whether the log's records still reach this core's state, e.g. its topic reader runs. */
  public LogState logState() {
    return log.state();
  }

  /** Closes the log; the core answers nothing useful afterwards. */
  @Override
  public void close() {
    log.close();
  }
}
