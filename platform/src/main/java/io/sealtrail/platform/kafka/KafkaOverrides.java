package io.sealtrail.platform.kafka;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka client and Streams settings among a service's flat configuration keys: every key that
 * is neither Sealtrail's ({@code sealtrail.*}) nor the schema registry client's. Security and
 * tuning settings reach the clients this way without code per setting.
 */
public final class KafkaOverrides {
  private KafkaOverrides() {}

  public static Map<String, String> of(Map<String, String> flat) {
    Map<String, String> kafka = new HashMap<>(flat);
    kafka.keySet().removeIf(k -> k.startsWith("sealtrail.") || k.startsWith("schema.registry."));
    return Map.copyOf(kafka);
  }
}
