package io.sealtrail.anomaly.spike;

import java.util.ArrayList;
import java.util.List;

/**
 * What the attestation cohorts need to know of one device beyond its ATTESTED event: the firmware
 * version last flashed and the lots of the components it was assembled from.
 */
public record DeviceFacts(String firmware, List<String> lots) {
  public DeviceFacts {
    lots = List.copyOf(lots);
  }

  public static DeviceFacts none() {
    return new DeviceFacts(null, List.of());
  }

  public DeviceFacts flashed(String version) {
    return new DeviceFacts(version, lots);
  }

  public DeviceFacts assembled(List<String> componentLots) {
    return new DeviceFacts(firmware, componentLots.stream().distinct().toList());
  }

  /** The store's value: the firmware version ({@code ""} for none), then each lot. */
  public List<String> stored() {
    List<String> values = new ArrayList<>();
    values.add(firmware == null ? "" : firmware);
    values.addAll(lots);
    return values;
  }

  public static DeviceFacts of(List<String> stored) {
    if (stored == null || stored.isEmpty()) {
      return none();
    }
    String firmware = stored.get(0).isEmpty() ? null : stored.get(0);
    return new DeviceFacts(firmware, stored.subList(1, stored.size()));
  }
}
