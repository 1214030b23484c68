package io.sealtrail.registry.serde;

import io.sealtrail.registry.client.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A Kafka Streams serde for generated Avro classes in the Confluent wire format; like Confluent's
 * {@code SpecificAvroSerde} it forces {@code specific.avro.reader=true}. Given the class, it reads
 * into it whatever the writer schema's name.
 */
public class SpecificAvroSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {

  public SpecificAvroSerde() {
    this(null, Optional.empty());
  }

  public SpecificAvroSerde(Class<T> type) {
    this(null, Optional.of(type));
  }

  public SpecificAvroSerde(SchemaRegistryClient client) {
    this(client, Optional.empty());
  }

  public SpecificAvroSerde(SchemaRegistryClient client, Class<T> type) {
    this(client, Optional.of(type));
  }

  /** A serde for values of {@code type}, configured with {@code configs} (the registry's URL). */
  public static <T extends SpecificRecord> SpecificAvroSerde<T> forValues(
      Class<T> type, Map<String, ?> configs) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
    serde.configure(configs, false);
    return serde;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private SpecificAvroSerde(SchemaRegistryClient client, Optional<Class<T>> type) {
    super(
        (org.apache.kafka.common.serialization.Serializer) new KafkaAvroSerializer(client),
        (org.apache.kafka.common.serialization.Deserializer)
            new KafkaAvroDeserializer(client, type.map(t -> (Class<?>) t)));
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> specific = new HashMap<>(configs);
    specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    super.configure(specific, isKey);
  }
}
