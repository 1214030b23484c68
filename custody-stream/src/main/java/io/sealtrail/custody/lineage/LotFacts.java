package io.sealtrail.custody.lineage;

import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.event.Observation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;

/**
 * The events lineage needs, re-keyed by lot: an assembly once per lot of its components, and the
 * receipt of a lot's components.
 */
final class LotFacts {
  private LotFacts() {}

  static List<KeyValue<String, VerifiedEvent>> byLot(VerifiedEvent verified) {
    if (verified == null) {
      return List.of();
    }
    Observation event = new Observation(verified);
    Set<String> lots = new LinkedHashSet<>();
    event
        .detail(Assembled.class)
        .ifPresent(a -> a.getComponents().forEach(c -> lots.add(c.getLot())));
    event.detail(ComponentReceived.class).ifPresent(r -> lots.add(r.getLot()));
    return lots.stream().map(lot -> KeyValue.pair(lot, verified)).collect(Collectors.toList());
  }

  /**
   * The events the links need, re-keyed: an assembly once per serial it was built from (the
   * sub-assembly or serialised component), a receipt by its supplier.
   */
  static List<KeyValue<String, VerifiedEvent>> byLink(VerifiedEvent verified) {
    if (verified == null) {
      return List.of();
    }
    Observation event = new Observation(verified);
    Set<String> keys = new LinkedHashSet<>();
    event
        .detail(Assembled.class)
        .ifPresent(
            a ->
                a.getComponents().stream()
                    .map(ComponentRef::getSerial)
                    .filter(s -> s != null && !s.equals(event.serial()))
                    .forEach(keys::add));
    event.detail(ComponentReceived.class).ifPresent(r -> keys.add(r.getSupplier()));
    return keys.stream().map(key -> KeyValue.pair(key, verified)).collect(Collectors.toList());
  }

  /** What a device holds of the component {@code serial}: its part number and serial. */
  static String partsOfSerial(String serial, Assembled assembled) {
    return assembled.getComponents().stream()
        .filter(c -> serial.equals(c.getSerial()))
        .map(LotFacts::describe)
        .collect(Collectors.joining(","));
  }

  /** What a device holds from {@code lot}: part numbers, with serials where recorded. */
  static String partsFrom(String lot, Assembled assembled) {
    return assembled.getComponents().stream()
        .filter(c -> c.getLot().equals(lot))
        .map(LotFacts::describe)
        .collect(Collectors.joining(","));
  }

  private static String describe(ComponentRef c) {
    return c.getSerial() == null ? c.getPartNumber() : c.getPartNumber() + "/" + c.getSerial();
  }
}
