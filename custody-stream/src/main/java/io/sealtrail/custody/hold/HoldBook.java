package io.sealtrail.custody.hold;

import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.avro.hold.Hold;
import io.sealtrail.avro.hold.HoldKind;
import io.sealtrail.avro.hold.HoldStatus;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.SerialKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The holds as {@link HoldStore} keeps them: by id, by what they hold, and what covers a serial.
 */
public final class HoldBook {
  private static final StringSerializer KEYS = new StringSerializer();

  private final ReadOnlyKeyValueStore<String, Hold> store;

  public HoldBook(ReadOnlyKeyValueStore<String, Hold> store) {
    this.store = store;
  }

  public Optional<Hold> get(String holdId) {
    return Optional.ofNullable(store.get(HoldStore.byId(holdId)));
  }

  /** Every hold, active or released, oldest first. */
  public List<Hold> all() {
    List<Hold> all = scan(HoldStore.allIds());
    all.sort(Comparator.comparing(Hold::getPlacedAt).thenComparing(Hold::getHoldId));
    return all;
  }

  /** Every hold, active or released, on {@code id} of {@code kind}. */
  public List<Hold> on(HoldKind kind, String id) {
    return scan(HoldStore.on(kind, id));
  }

  /**
   * The holds now active that cover the serial {@code state} describes: on the serial itself, on a
   * lot or a serial it was assembled from, on the firmware image it runs, and, for a lot, on the
   * lot. Each once, in that order.
   */
  public List<Hold> activeCovering(CustodyState state) {
    Map<String, Hold> covering = new LinkedHashMap<>();
    List<Hold> candidates = new ArrayList<>(on(HoldKind.SERIAL, state.getSerial()));
    if (state.getKind() == SerialKind.LOT) {
      candidates.addAll(on(HoldKind.LOT, state.getSerial()));
    }
    for (ComponentRef part : state.getComponents()) {
      candidates.addAll(on(HoldKind.LOT, part.getLot()));
      if (part.getSerial() != null) {
        candidates.addAll(on(HoldKind.SERIAL, part.getSerial()));
      }
    }
    if (state.getFirmware() != null) {
      candidates.addAll(on(HoldKind.FIRMWARE, state.getFirmware().getImageSha256()));
    }
    candidates.stream()
        .filter(h -> h.getStatus() == HoldStatus.ACTIVE)
        .forEach(h -> covering.putIfAbsent(h.getHoldId(), h));
    return List.copyOf(covering.values());
  }

  /**
   * Whether {@code hold} applies to an event received at {@code receivedAt}: placed before it and
   * not released before it. Judged on the time the platform received the event, not on when the
   * stream reads it, so a replay flags the same events (never one received before the hold, nor
   * after its release).
   */
  public static boolean applies(Hold hold, Instant receivedAt) {
    return !receivedAt.isBefore(hold.getPlacedAt())
        && (hold.getReleasedAt() == null || receivedAt.isBefore(hold.getReleasedAt()));
  }

  private List<Hold> scan(String prefix) {
    List<Hold> holds = new ArrayList<>();
    try (KeyValueIterator<String, Hold> found = store.prefixScan(prefix, KEYS)) {
      found.forEachRemaining(kv -> holds.add(kv.value));
    }
    return holds;
  }
}
