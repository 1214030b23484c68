package io.sealtrail.registry.serde;

import io.sealtrail.registry.client.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A Kafka Streams serde for {@link GenericRecord}s in the Confluent wire format, like Confluent's
 * {@code GenericAvroSerde}: it always reads generically, whatever {@code specific.avro.reader}
 * says.
 */
public class GenericAvroSerde extends Serdes.WrapperSerde<GenericRecord> {

  public GenericAvroSerde() {
    this(null);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public GenericAvroSerde(SchemaRegistryClient client) {
    super(
        (org.apache.kafka.common.serialization.Serializer) new KafkaAvroSerializer(client),
        (org.apache.kafka.common.serialization.Deserializer) new KafkaAvroDeserializer(client));
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> generic = new HashMap<>(configs);
    generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
    super.configure(generic, isKey);
  }
}
