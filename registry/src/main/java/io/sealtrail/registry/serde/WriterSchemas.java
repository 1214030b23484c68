package io.sealtrail.registry.serde;

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

  private final SchemaRegistryClient client;
  private final AvroSerdeConfig config;

  WriterSchemas(SchemaRegistryClient client, AvroSerdeConfig config) {
    this.client = client;
    this.config = config;
  }

  Choice choose(String subject, Schema valueSchema) {
    if (config.autoRegister()) {
      return new Choice(client.register(subject, valueSchema), valueSchema);
    }
    if (config.useLatestVersion()) {
      SchemaVersion latest = client.latest(subject);
      Schema latestSchema = latest.parsed();
      if (config.latestCompatibilityStrict() && !canRead(latestSchema, valueSchema)) {
        throw new SerializationException(
            "Latest schema (version "
                + latest.version()
                + ", id "
                + latest.id()
                + ") of subject '"
                + subject
                + "' cannot read the value's schema "
                + valueSchema.getFullName()
                + " (latest.compatibility.strict=true)");
      }
      return new Choice(latest.id(), latestSchema);
    }
    return new Choice(client.lookup(subject, valueSchema).id(), valueSchema);
  }

  private static boolean canRead(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
  }
}
