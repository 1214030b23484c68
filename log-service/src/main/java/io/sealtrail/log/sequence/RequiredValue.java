package io.sealtrail.log.sequence;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A serde whose reader refuses a tombstone: every record of {@code custody.events} is an accepted
 * event, so one without a value goes to the dead-letter topic (the deserialization handler) like a
 * record that is not Avro, instead of reaching the sequencer as a null.
 */
public final class RequiredValue {
  private RequiredValue() {}

  public static <V> Serde<V> of(Serde<V> serde) {
    Deserializer<V> reader = serde.deserializer();
    Deserializer<V> strict =
        (topic, bytes) -> {
          if (bytes != null) {
            return reader.deserialize(topic, bytes);
          }
          throw new SerializationException("tombstone on " + topic + ": not an accepted event");
        };
    return Serdes.serdeFrom(serde.serializer(), strict);
  }
}
