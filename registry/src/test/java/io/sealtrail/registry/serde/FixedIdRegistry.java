package io.sealtrail.registry.serde;

import io.sealtrail.registry.client.SchemaRegistryClient;
import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;

/**
 * A registry stub that hands out one fixed id, for wire-format vectors whose ids a real registry
 * would not produce in that order; it records the subjects registered.
 */
final class FixedIdRegistry implements SchemaRegistryClient {
  final List<String> registeredSubjects = new ArrayList<>();
  private final int id;
  private Schema schema;

  FixedIdRegistry(int id) {
    this.id = id;
  }

  /** A registry whose every subject's latest version is {@code latest} under this id. */
  FixedIdRegistry(int id, Schema latest) {
    this.id = id;
    this.schema = latest;
  }

  @Override
  public int register(String subject, Schema schema) {
    registeredSubjects.add(subject);
    this.schema = schema;
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    if (id != this.id || schema == null) {
      throw new IllegalStateException("unknown id " + id);
    }
    return schema;
  }

  @Override
  public SchemaVersion lookup(String subject, Schema schema) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Schema schemaByGuid(UUID guid) {
    throw new UnsupportedOperationException();
  }

  @Override
  public SchemaVersion latest(String subject) {
    return new SchemaVersion(subject, 1, id, schema.toString(), false);
  }

  @Override
  public SchemaVersion version(String subject, int version) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<String> subjects() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Integer> versions(String subject) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompatibilityLevel compatibility(Optional<String> subject) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void updateCompatibility(Optional<String> subject, CompatibilityLevel level) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    throw new UnsupportedOperationException();
  }
}
