package io.sealtrail.anomaly.topology;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A serde for an input topic whose every record must carry a value: a tombstone fails at reading,
 * like a record that is not Avro, so the deserialization handler sends it to the dead-letter topic
 * and processing goes on (rather than a processor meeting a null and stopping the application).
 */
public final class ValueRequired {
  private ValueRequired() {}

  public static <V> Serde<V> of(Serde<V> serde) {
    Deserializer<V> inner = serde.deserializer();
    return Serdes.serdeFrom(
        serde.serializer(),
        (topic, bytes) -> {
          if (bytes == null) {
            throw new SerializationException(
                "a tombstone (no value) on " + topic + ", whose records all carry one");
          }
          return inner.deserialize(topic, bytes);
        });
  }
}
