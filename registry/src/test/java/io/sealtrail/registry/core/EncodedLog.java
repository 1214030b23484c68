package io.sealtrail.registry.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A test log that behaves like the Kafka one without a broker: every record is encoded to
 * Confluent's key/value bytes, kept, and applied only after decoding them again.
 */
final class EncodedLog {
  final List<LogCodec.Encoded> records = new ArrayList<>();

  SchemaRegistryCore open(CompatibilityLevel level) {
    return SchemaRegistryCore.open(level, this::writer);
  }

  /** A fresh core that replays everything written so far, as a restarted server does. */
  SchemaRegistryCore replay(CompatibilityLevel level) {
    return open(level);
  }

  List<String> lines() {
    return records.stream().map(r -> text(r.key()) + " -> " + text(r.value())).toList();
  }

  private RegistryLog writer(Consumer<LogRecord> apply) {
    records.forEach(r -> LogCodec.decode(r.key(), r.value()).ifPresent(apply));
    return written ->
        written.forEach(
            record -> {
              LogCodec.Encoded encoded = LogCodec.encode(record);
              records.add(encoded);
              LogCodec.decode(encoded.key(), encoded.value()).ifPresent(apply);
            });
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
  }
}
