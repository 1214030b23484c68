package io.sealtrail.custody.query;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.platform.query.StoreReader;
import io.sealtrail.platform.query.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
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

  /** The state of {@code serial}, or empty for a serial never seen. */
  Optional<Map<String, Object>> stateOf(String serial, HttpRequest<?> asking) {
    Optional<HostInfo> owner = reader.remoteOwner(CustodyStores.STATE, serial);
    if (owner.isEmpty()) {
      CustodyState state = reader.<CustodyState>local(CustodyStores.STATE).get(serial);
      return Optional.ofNullable(state).map(AvroJson::of);
    }
    String path =
        "/v1/serials/" + URLEncoder.encode(serial, StandardCharsets.UTF_8).replace("+", "%20");
    Forwarder.Answer answer = reader.forwarder().json(owner.get(), path, asking);
    return switch (answer.status()) {
      case 200 -> Optional.of(parse(answer.body()));
      case 404 -> Optional.empty();
      default ->
          throw new StoreUnavailableException(
              "the owner " + owner.get() + " of " + serial + " answered " + answer.status());
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
