package io.sealtrail.registry.core;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject: what a {@code SCHEMA} record in the {@code _schemas} log holds and what
 * {@code GET /subjects/{s}/versions/{v}} answers. {@code schema} is the canonical string.
 */
public record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {
  public SchemaVersion {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
    if (version < 1 || id < 0) {
      throw new IllegalArgumentException("version must be >= 1 and id >= 0");
    }
  }

  /** The same version marked soft-deleted. */
  public SchemaVersion softDeleted() {
    return new SchemaVersion(subject, version, id, schema, true);
  }

  /** The schema parsed leniently, as stored schemas are (pitfall P14). */
  public Schema parsed() {
    return AvroSchemas.parseLenient(schema);
  }
}
