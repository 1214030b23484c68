package io.sealtrail.custody.query;

import io.sealtrail.avro.hold.Hold;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.InstalledFirmware;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A device's current custody as a trace row needs it, read from this instance's state store or from
 * the state answer of the device's owner; {@code holds} are the active holds covering it.
 */
record Seen(
    String status,
    String site,
    String custodian,
    String customer,
    String container,
    String product,
    TraceLine.Firmware firmware,
    String lastSeenAt,
    List<TraceLine.HoldRef> holds) {

  /** A device the custody stream has not seen. */
  static final Seen NOTHING = new Seen(null, null, null, null, null, null, null, null, List.of());

  static Seen of(CustodyState state, List<Hold> covering) {
    InstalledFirmware firmware = state.getFirmware();
    return new Seen(
        state.getStatus().name(),
        state.getSite(),
        state.getCustodian(),
        state.getCustomer(),
        state.getContainer(),
        state.getProduct(),
        firmware == null
            ? null
            : new TraceLine.Firmware(firmware.getVersion(), firmware.getImageSha256()),
        state.getLastSeenAt().toString(),
        covering.stream().map(Seen::ref).toList());
  }

  /** From the JSON of {@code GET /v1/serials/{serial}} as another instance answered it. */
  static Seen of(Map<String, Object> state) {
    Map<?, ?> firmware = state.get("firmware") instanceof Map<?, ?> f ? f : null;
    return new Seen(
        text(state.get("status")),
        text(state.get("site")),
        text(state.get("custodian")),
        text(state.get("customer")),
        text(state.get("container")),
        text(state.get("product")),
        firmware == null
            ? null
            : new TraceLine.Firmware(
                text(firmware.get("version")), text(firmware.get("imageSha256"))),
        text(state.get("lastSeenAt")),
        holds(state.get("holds")));
  }

  static TraceLine.HoldRef ref(Hold hold) {
    return new TraceLine.HoldRef(hold.getHoldId(), hold.getKind().name(), hold.getId());
  }

  // The active holds the owner's state answer lists (it computed them from the same holds).
  private static List<TraceLine.HoldRef> holds(Object holds) {
    if (!(holds instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .filter(h -> h instanceof Map<?, ?>)
        .map(h -> (Map<?, ?>) h)
        .filter(h -> h.get("holdId") != null)
        .map(
            h ->
                new TraceLine.HoldRef(
                    text(h.get("holdId")), text(h.get("kind")), text(h.get("id"))))
        .filter(Objects::nonNull)
        .toList();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
