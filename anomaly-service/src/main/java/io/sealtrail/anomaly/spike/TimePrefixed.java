package io.sealtrail.anomaly.spike;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The store format of a value that is a wall-clock time and a body: the time as 8 bytes, then the
 * body in its own serde's format (see {@link PendingWindow} and {@link OpenWindow}).
 */
final class TimePrefixed {
  private TimePrefixed() {}

  /** How a value is made back from its time and its body. */
  interface Maker<B, V> {
    V make(long millis, B body);
  }

  static <B, V> Serde<V> serde(
      Serde<B> body, ToLongFunction<V> time, Function<V, B> bodyOf, Maker<B, V> maker) {
    return Serdes.serdeFrom(
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          byte[] bytes = body.serializer().serialize(topic, bodyOf.apply(value));
          return ByteBuffer.allocate(Long.BYTES + bytes.length)
              .putLong(time.applyAsLong(value))
              .put(bytes)
              .array();
        },
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          byte[] rest = Arrays.copyOfRange(bytes, Long.BYTES, bytes.length);
          return maker.make(
              ByteBuffer.wrap(bytes).getLong(), body.deserializer().deserialize(topic, rest));
        });
  }
}
