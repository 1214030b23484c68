package io.sealtrail.registry.serde;

import io.sealtrail.registry.client.BoundedCache;
import io.sealtrail.registry.client.SchemaRegistryClient;
import io.sealtrail.registry.core.SchemaVersion;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Chooses the id and writer schema for a value, in Confluent's order: register it ({@code
 * auto.register.schemas}), else the subject's latest version ({@code use.latest.version}), else
 * look the value's own schema up.
 */
final class WriterSchemas {
  /** The registry id to frame with and the schema the datum is written with. */
  record Choice(int id, Schema schema) {}

  /** Whether a registry schema (by id) can read a value schema (by identity, as serialized). */
  private record Verdict(int id, Schema value) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Verdict that && that.id == id && that.value == value;
    }

    @Override
    public int hashCode() {
      return 31 * id + System.identityHashCode(value);
    }
  }

  private final SchemaRegistryClient client;
  private final AvroSerdeConfig config;
  private final BoundedCache<Integer, Schema> parsedById = new BoundedCache<>(1000);
  private final BoundedCache<Verdict, Boolean> canRead = new BoundedCache<>(1000);

  WriterSchemas(SchemaRegistryClient client, AvroSerdeConfig config) {
    this.client = client;
    this.config = config;
  }

  Choice choose(String subject, Schema valueSchema) {
    if (config.autoRegister()) {
      return new Choice(client.register(subject, valueSchema), valueSchema);
    }
    if (config.useSchemaId() >= 0) {
      Schema fixed = client.schemaById(config.useSchemaId());
      if (config.idCompatibilityStrict() && !canRead(config.useSchemaId(), fixed, valueSchema)) {
        throw cannotRead("Schema id " + config.useSchemaId(), valueSchema, "id");
      }
      return new Choice(config.useSchemaId(), fixed);
    }
    if (config.useLatestVersion()) {
      SchemaVersion latest = client.latest(subject);
      // Parsed and checked once per latest id, not per record.
      Schema latestSchema = parsedById.get(latest.id(), latest::parsed);
      if (config.latestCompatibilityStrict() && !canRead(latest.id(), latestSchema, valueSchema)) {
        throw cannotRead(
            "Latest schema (version "
                + latest.version()
                + ", id "
                + latest.id()
                + ") of subject '"
                + subject
                + "'",
            valueSchema,
            "latest");
      }
      return new Choice(latest.id(), latestSchema);
    }
    return new Choice(client.lookup(subject, valueSchema).id(), valueSchema);
  }

  private static SerializationException cannotRead(String which, Schema value, String setting) {
    return new SerializationException(
        which
            + " cannot read the value's schema "
            + value.getFullName()
            + " ("
            + setting
            + ".compatibility.strict=true)");
  }

  private boolean canRead(int readerId, Schema reader, Schema writer) {
    return canRead.get(new Verdict(readerId, writer), () -> canRead(reader, writer));
  }

  private static boolean canRead(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
  }
}
