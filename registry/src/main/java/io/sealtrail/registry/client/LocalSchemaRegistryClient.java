package io.sealtrail.registry.client;

import io.sealtrail.registry.core.AvroSchemas;
import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaRegistryCore;
import io.sealtrail.registry.core.SchemaVersion;
import io.sealtrail.registry.core.VersionSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;

/**
 * A client calling a registry core in the same JVM, with the server's exact semantics; it backs
 * {@code mock://scope} URLs.
 */
public final class LocalSchemaRegistryClient implements SchemaRegistryClient {
  private final SchemaRegistryCore core;

  public LocalSchemaRegistryClient(SchemaRegistryCore core) {
    this.core = Objects.requireNonNull(core, "core");
  }

  @Override
  public int register(String subject, Schema schema) {
    return core.register(subject, schema.toString()).id();
  }

  @Override
  public SchemaVersion lookup(String subject, Schema schema) {
    return core.lookup(subject, schema.toString(), false);
  }

  @Override
  public Schema schemaById(int id) {
    return AvroSchemas.parseLenient(core.schemaById(id));
  }

  @Override
  public Schema schemaByGuid(UUID guid) {
    return AvroSchemas.parseLenient(core.schemaByGuid(guid));
  }

  @Override
  public SchemaVersion latest(String subject) {
    return core.version(subject, VersionSpec.LATEST, false);
  }

  @Override
  public SchemaVersion version(String subject, int version) {
    return core.version(subject, VersionSpec.parse(Integer.toString(version)), false);
  }

  @Override
  public List<String> subjects() {
    return core.subjects(false, false);
  }

  @Override
  public List<Integer> versions(String subject) {
    return core.versions(subject, false).stream().map(SchemaVersion::version).toList();
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    return core.checkCompatibility(subject, VersionSpec.LATEST, schema.toString()).isEmpty();
  }

  @Override
  public CompatibilityLevel compatibility(Optional<String> subject) {
    return core.configs().get(subject, true);
  }

  @Override
  public void updateCompatibility(Optional<String> subject, CompatibilityLevel level) {
    core.configs().update(subject, level);
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    return core.deleteSubject(subject, permanent);
  }
}
