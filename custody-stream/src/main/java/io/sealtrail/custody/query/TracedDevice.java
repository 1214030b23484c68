package io.sealtrail.custody.query;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One device built with a lot and its current custody; the state fields are null for a device the
 * custody stream has not seen yet.
 */
@Serdeable
public record TracedDevice(
    String serial,
    String parts,
    String status,
    String custodian,
    String site,
    String container,
    String product,
    String firmwareVersion,
    String firmwareImageSha256,
    List<String> holds) {

  /** A device no active hold covers. */
  public TracedDevice(
      String serial,
      String parts,
      String status,
      String custodian,
      String site,
      String container,
      String product,
      String firmwareVersion,
      String firmwareImageSha256) {
    this(
        serial,
        parts,
        status,
        custodian,
        site,
        container,
        product,
        firmwareVersion,
        firmwareImageSha256,
        List.of());
  }

  static TracedDevice of(String serial, String parts, Optional<Map<String, Object>> state) {
    Map<String, Object> s = state.orElse(Map.of());
    Map<?, ?> firmware = s.get("firmware") instanceof Map<?, ?> f ? f : Map.of();
    return new TracedDevice(
        serial,
        parts,
        text(s.get("status")),
        text(s.get("custodian")),
        text(s.get("site")),
        text(s.get("container")),
        text(s.get("product")),
        text(firmware.get("version")),
        text(firmware.get("imageSha256")),
        holdIds(s.get("holds")));
  }

  // The ids of the active holds the device's state answer lists (its owner computed them).
  private static List<String> holdIds(Object holds) {
    if (!(holds instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .filter(h -> h instanceof Map<?, ?>)
        .map(h -> text(((Map<?, ?>) h).get("holdId")))
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
