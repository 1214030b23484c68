package io.sealtrail.custody.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a lot's lineage from the instance that owns the lot: every device built with it, what it
 * holds from the lot, and the lot's supplier.
 */
public final class LotTrace {
  private static final String SEPARATOR = "\n";
  private final ReadOnlyKeyValueStore<String, String> lotDevices;
  private final ReadOnlyKeyValueStore<String, String> lotSuppliers;

  /** One device built with a lot, and the parts (part number[/serial]) it took from it. */
  public record LotDevice(String serial, String parts) {}

  public LotTrace(
      ReadOnlyKeyValueStore<String, String> lotDevices,
      ReadOnlyKeyValueStore<String, String> lotSuppliers) {
    this.lotDevices = lotDevices;
    this.lotSuppliers = lotSuppliers;
  }

  static String key(String lot, String device) {
    return lot + SEPARATOR + device;
  }

  /** Every device built with {@code lot}, in serial order. */
  public List<LotDevice> devicesOf(String lot) {
    String prefix = lot + SEPARATOR;
    List<LotDevice> devices = new ArrayList<>();
    try (KeyValueIterator<String, String> built =
        lotDevices.prefixScan(prefix, new StringSerializer())) {
      built.forEachRemaining(
          kv -> devices.add(new LotDevice(kv.key.substring(prefix.length()), kv.value)));
    }
    return devices;
  }

  public Optional<String> supplierOf(String lot) {
    return Optional.ofNullable(lotSuppliers.get(lot));
  }
}
