package io.sealtrail.registry.serde;

import io.sealtrail.registry.client.SchemaRegistryClient;
import io.sealtrail.registry.client.SchemaRegistryClients;
import io.sealtrail.registry.core.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro values in the Confluent wire format (magic 0, 4-byte schema id, Avro binary), with
 * Confluent's configuration keys; a drop-in for {@code
 * io.confluent.kafka.serializers.KafkaAvroSerializer}.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

  /**
   * Keeps the configuration, as Confluent's does: one serde instance is shared by the stores and
   * topics of a topology, and Kafka Streams closes it with each of them (see the deserializer).
   */
  @Override
  public void close() {}

  private SchemaRegistryClient client;
  private AvroSerdeConfig config;
  private WriterSchemas writerSchemas;
  private final JavaProperties javaProperties = new JavaProperties();
  private boolean isKey;

  public KafkaAvroSerializer() {}

  /** A serializer using the given client instead of one built from {@code schema.registry.url}. */
  public KafkaAvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs) {
    this(client);
    configure(configs, false);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs);
    this.client = client != null ? client : SchemaRegistryClients.create(configs);
    this.writerSchemas = new WriterSchemas(client, config);
    this.isKey = isKey;
  }

  @Override
  public byte[] serialize(String topic, Object value) {
    return serialize(topic, null, value);
  }

  @Override
  public byte[] serialize(String topic, Headers headers, Object value) {
    if (value == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("KafkaAvroSerializer used before configure()");
    }
    Schema valueSchema = AvroDatums.schemaOf(value);
    String subject = config.strategy(isKey).subjectName(topic, isKey, valueSchema);
    WriterSchemas.Choice choice;
    try {
      Schema registered =
          config.removeJavaProperties() ? javaProperties.removedFrom(valueSchema) : valueSchema;
      choice = writerSchemas.choose(subject, registered);
      if (choice.schema() == registered) {
        // Same encoding as the registered schema (it lacks only properties): write as the value is.
        choice = new WriterSchemas.Choice(choice.id(), valueSchema);
      }
    } catch (SchemaRegistryException e) {
      throw RegistryFailures.toKafka(
          "Error retrieving Avro schema for subject '" + subject + "' from " + config.registryUrl(),
          e);
    } catch (AvroRuntimeException e) {
      throw new SerializationException(
          "Invalid Avro schema for subject '" + subject + "' from " + config.registryUrl(), e);
    }
    byte[] framed = frame(value, valueSchema, choice);
    if (headers != null) {
      // A schema-id header copied from an input record (Kafka Streams forwards headers) would
      // make the deserializer read this prefix-framed payload as a bare datum.
      headers.remove(isKey ? WireFormat.KEY_HEADER : WireFormat.VALUE_HEADER);
    }
    return framed;
  }

  private static byte[] frame(Object value, Schema valueSchema, WriterSchemas.Choice choice) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(WireFormat.prefix(choice.id()));
      AvroDatums.write(converted(value, valueSchema, choice.schema()), choice.schema(), out);
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      // Like Confluent: Avro reports a null in a non-nullable field as a NullPointerException.
      throw new SerializationException(
          "Error serializing Avro message with schema id " + choice.id(), e);
    }
  }

  /**
   * The value in the shape of the writer schema. Avro writes records by field position, so writing
   * a value with a different schema (use.latest.version) would swap fields ordered differently
   * (pitfall P8); resolving by name through the value's own encoding avoids that.
   */
  private static Object converted(Object value, Schema valueSchema, Schema writer)
      throws IOException {
    if (writer.equals(valueSchema)) {
      return value;
    }
    ByteArrayOutputStream own = new ByteArrayOutputStream();
    AvroDatums.write(value, valueSchema, own);
    return new GenericDatumReader<>(valueSchema, writer)
        .read(null, DecoderFactory.get().binaryDecoder(own.toByteArray(), null));
  }
}
