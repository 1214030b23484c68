package io.sealtrail.registry.serde;

import io.sealtrail.registry.client.BoundedCache;
import io.sealtrail.registry.client.SchemaRegistryClient;
import io.sealtrail.registry.client.SchemaRegistryClients;
import io.sealtrail.registry.core.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format (prefix, or the CP 8.x schema-id header), resolving the writer
 * schema by id and Avro-resolving it to the reader schema; a drop-in for {@code
 * io.confluent.kafka.serializers.KafkaAvroDeserializer}.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

  /**
   * Drops the cached datum readers and keeps the configuration, as Confluent's does: Kafka Streams
   * closes a store's serde when the store closes, and the stores and repartition topics of one
   * topology share a serde instance (one per topic), so a close by one must not break the others (a
   * punctuation of another task during shutdown failed with "used before configure()").
   */
  @Override
  public void close() {
    datumReaders.clear();
  }

  private record ReaderKey(SchemaRef writer, Schema reader) {}

  /** A datum reader and whether its writer schema has arrays of items encoded in zero bytes. */
  private record Reading(DatumReader<Object> reader, boolean zeroSizeArrayItems) {}

  private final Optional<Class<?>> readerClass;
  private final BoundedCache<ReaderKey, Reading> datumReaders = new BoundedCache<>(1000);
  private SchemaRegistryClient client;
  private AvroSerdeConfig config;
  private ReaderSchemas readers;
  private boolean isKey;

  public KafkaAvroDeserializer() {
    this(null, Optional.empty());
  }

  public KafkaAvroDeserializer(SchemaRegistryClient client) {
    this(client, Optional.empty());
  }

  /** A deserializer that always reads into {@code readerClass}, a generated SpecificRecord. */
  public KafkaAvroDeserializer(SchemaRegistryClient client, Optional<Class<?>> readerClass) {
    this.client = client;
    this.readerClass = readerClass;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs);
    this.client = client != null ? client : SchemaRegistryClients.create(configs);
    this.readers =
        ReaderSchemas.of(readerClass, config.readerClass(isKey), config.specificReader());
    this.isKey = isKey;
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    return deserialize(topic, null, data);
  }

  @Override
  public Object deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
    }
    WireFormat.Framed framed = WireFormat.read(data, headers, isKey);
    Schema writer = writerSchema(framed.schema());
    Schema reader = readers.readerFor(writer);
    return decode(framed, writer, reader);
  }

  private Schema writerSchema(SchemaRef ref) {
    try {
      return ref.resolve(client);
    } catch (AvroRuntimeException e) {
      throw new SerializationException(
          "Error retrieving Avro schema: " + ref + " from " + config.registryUrl() + " is invalid",
          e);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40403) {
        throw new SerializationException(
            "Error retrieving Avro schema: "
                + ref
                + " not found at "
                + config.registryUrl()
                + " ("
                + e.getMessage()
                + ", error_code 40403)",
            e);
      }
      throw RegistryFailures.toKafka(
          "Error retrieving Avro schema for " + ref + " from " + config.registryUrl(), e);
    }
  }

  private Object decode(WireFormat.Framed framed, Schema writer, Schema reader) {
    ByteBuffer datum = framed.datum();
    if (writer.getType() == Schema.Type.BYTES) {
      byte[] raw = new byte[datum.remaining()];
      datum.get(raw);
      return raw;
    }
    try {
      Reading reading =
          datumReaders.get(
              new ReaderKey(framed.schema(), reader),
              () ->
                  new Reading(
                      datumReader(writer, reader), BoundedDecoder.hasZeroSizeArrayItems(writer)));
      Object value =
          reading
              .reader()
              .read(
                  null,
                  BoundedDecoder.over(
                      datum.array(),
                      datum.arrayOffset() + datum.position(),
                      datum.remaining(),
                      reading.zeroSizeArrayItems()));
      return value instanceof Utf8 ? value.toString() : value;
    } catch (IOException
        | AvroRuntimeException
        | IndexOutOfBoundsException
        | UnsupportedOperationException e) {
      // Avro refuses a length above its limits (a string or block count of 2^31) with
      // UnsupportedOperationException, BoundedDecoder one the value cannot hold (issue 21): a
      // damaged record like any other, not a crash.
      throw new SerializationException(
          "Error deserializing Avro message for "
              + framed.schema()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          e);
    }
  }

  private DatumReader<Object> datumReader(Schema writer, Schema reader) {
    if (readers.specific()) {
      return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
    }
    return new GenericDatumReader<>(writer, reader, GenericData.get());
  }
}
