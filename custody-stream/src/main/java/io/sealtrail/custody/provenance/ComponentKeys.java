package io.sealtrail.custody.provenance;

import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.event.Observation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;

/**
 * The key of one physical component: {@code <length of partNumber>:<partNumber>/<serial>}. A serial
 * is unique within its part number only, so two part numbers' serial {@code 0001} stay apart; the
 * length keeps a part number holding {@code /} apart from another's.
 */
final class ComponentKeys {
  private ComponentKeys() {}

  static String of(ComponentRef component) {
    String part = component.getPartNumber();
    return part.length() + ":" + part + "/" + component.getSerial();
  }

  /** An assembly once per component serial it names; components without a serial are lots' only. */
  static List<KeyValue<String, VerifiedEvent>> byComponent(VerifiedEvent verified) {
    if (verified == null) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    new Observation(verified)
        .detail(Assembled.class)
        .ifPresent(
            a ->
                a.getComponents().stream()
                    .filter(c -> c.getSerial() != null)
                    .forEach(c -> keys.add(of(c))));
    return keys.stream().map(key -> KeyValue.pair(key, verified)).toList();
  }

  /** The component of {@code assembly} that {@code key} names. */
  static ComponentRef named(Assembled assembly, String key) {
    return assembly.getComponents().stream()
        .filter(c -> c.getSerial() != null && of(c).equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the assembly does not name " + key));
  }
}
