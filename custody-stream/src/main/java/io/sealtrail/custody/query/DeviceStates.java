package io.sealtrail.custody.query;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.hold.HoldBook;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.platform.query.KeyedReads;
import io.sealtrail.platform.query.StoreReader;
import io.sealtrail.platform.query.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The current state of a device for a lot trace, wherever the device lives: devices are partitioned
 * by serial, a lot by lot, so a trace asks each device's owner.
 */
final class DeviceStates {
  private static final JsonMapper JSON = JsonMapper.createDefault();
  private final StoreReader reader;

  DeviceStates(StoreReader reader) {
    this.reader = reader;
  }

  /**
   * The custody of each device of one trace with the active holds covering it (from {@code holds}
   * when the state is here), or {@link Seen#NOTHING} for a serial never seen. Where a device lives
   * is resolved per store partition for the trace, not asked afresh for each of its devices.
   */
  Function<String, Seen> seenFor(HttpRequest<?> asking, HoldBook holds) {
    KeyedReads<CustodyState> states = reader.keyedReads(CustodyStores.STATE);
    return serial -> {
      Optional<HostInfo> owner = states.remoteOwner(serial);
      if (owner.isEmpty()) {
        CustodyState state = states.get(serial);
        return state == null ? Seen.NOTHING : Seen.of(state, holds.activeCovering(state));
      }
      return stateOf(owner.get(), serial, asking).map(Seen::of).orElse(Seen.NOTHING);
    };
  }

  /** The state of {@code serial} as JSON, wherever it lives, or empty for a serial never seen. */
  Optional<Map<String, Object>> stateOf(String serial, HttpRequest<?> asking) {
    Optional<HostInfo> owner = reader.remoteOwner(CustodyStores.STATE, serial);
    if (owner.isEmpty()) {
      return Optional.ofNullable(local(serial)).map(AvroJson::of);
    }
    return stateOf(owner.get(), serial, asking);
  }

  private CustodyState local(String serial) {
    return StoreReader.readLocally(
        CustodyStores.STATE, () -> reader.<CustodyState>local(CustodyStores.STATE).get(serial));
  }

  /** The state answer of {@code serial}'s owner, or empty for a serial never seen. */
  private Optional<Map<String, Object>> stateOf(
      HostInfo owner, String serial, HttpRequest<?> asking) {
    String path = "/v1/serials/" + Paths.segment(serial);
    Forwarder.Answer answer = reader.forwarder().json(owner, path, asking);
    return switch (answer.status()) {
      case 200 -> Optional.of(parse(answer.body()));
      case 404 -> Optional.empty();
      default ->
          throw new StoreUnavailableException(
              "the owner " + owner + " of " + serial + " answered " + answer.status());
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(byte[] body) {
    try {
      return JSON.readValue(body, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable state from another instance", e);
    }
  }
}
