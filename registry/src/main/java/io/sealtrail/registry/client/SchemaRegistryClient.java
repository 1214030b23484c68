package io.sealtrail.registry.client;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaVersion;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;

/**
 * The Confluent Schema Registry operations serializers and admins use. Every failure is a {@link
 * io.sealtrail.registry.core.SchemaRegistryException} carrying HTTP status and error code.
 */
public interface SchemaRegistryClient {

  /** Registers the schema ({@code Schema#toString()}) under the subject and answers its id. */
  int register(String subject, Schema schema);

  /** The live version of the subject with this schema (40401 / 40403 when absent). */
  SchemaVersion lookup(String subject, Schema schema);

  Schema schemaById(int id);

  /** Resolves a CP 8.x schema GUID, as carried by the header wire variant. */
  Schema schemaByGuid(UUID guid);

  SchemaVersion latest(String subject);

  SchemaVersion version(String subject, int version);

  List<String> subjects();

  List<Integer> versions(String subject);

  /** Whether the schema is compatible with the latest version under the subject's level. */
  boolean isCompatible(String subject, Schema schema);

  /** The global level (empty subject) or the subject's effective one. */
  CompatibilityLevel compatibility(Optional<String> subject);

  void updateCompatibility(Optional<String> subject, CompatibilityLevel level);

  /** Deletes a subject, softly or permanently, and answers the versions deleted. */
  List<Integer> deleteSubject(String subject, boolean permanent);
}
