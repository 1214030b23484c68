package io.sealtrail.custody.inventory;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a product's firmware inventory from the instance that owns the product: which versions and
 * images run on how many devices, and which devices run a given image.
 */
public final class FirmwareInventory {
  private static final String SEPARATOR = "\n";
  private final ReadOnlyKeyValueStore<String, Long> counts;
  private final ReadOnlyKeyValueStore<String, String> devices;

  /** A version and image of a product and how many devices run it now. */
  public record Installed(String version, String imageSha256, long devices) {}

  public FirmwareInventory(
      ReadOnlyKeyValueStore<String, Long> counts, ReadOnlyKeyValueStore<String, String> devices) {
    this.counts = counts;
    this.devices = devices;
  }

  static String countKey(String product, String version, String imageSha256) {
    return String.join(SEPARATOR, product, version, imageSha256);
  }

  static String phaseKey(String countKey, FirmwarePhase phase) {
    return countKey + SEPARATOR + phase.name();
  }

  static String deviceKey(String product, String imageSha256, String serial) {
    return String.join(SEPARATOR, product, imageSha256, serial);
  }

  /** Every version and image of {@code product} installed on at least one device. */
  public List<Installed> installedOf(String product) {
    List<Installed> installed = new ArrayList<>();
    try (KeyValueIterator<String, Long> all =
        counts.prefixScan(product + SEPARATOR, new StringSerializer())) {
      all.forEachRemaining(
          kv -> {
            String[] parts = kv.key.split(SEPARATOR, 3);
            installed.add(new Installed(parts[1], parts[2], kv.value));
          });
    }
    return installed;
  }

  /** How many devices running an image are fielded, in stock and in transit. */
  public record Phases(long fielded, long stock, long inTransit) {}

  /**
   * The phases of the devices running {@code imageSha256} (as {@code version}) of {@code product},
   * from {@code phases}, the store {@link InventoryStores#PHASES} of the product's owner.
   */
  public static Phases phasesOf(
      ReadOnlyKeyValueStore<String, Long> phases,
      String product,
      String version,
      String imageSha256) {
    String countKey = countKey(product, version, imageSha256);
    return new Phases(
        count(phases, phaseKey(countKey, FirmwarePhase.FIELDED)),
        count(phases, phaseKey(countKey, FirmwarePhase.STOCK)),
        count(phases, phaseKey(countKey, FirmwarePhase.IN_TRANSIT)));
  }

  private static long count(ReadOnlyKeyValueStore<String, Long> store, String key) {
    Long count = store.get(key);
    return count == null ? 0L : count;
  }

  /** The serials that run {@code imageSha256} of {@code product} now, in serial order. */
  public List<String> devicesRunning(String product, String imageSha256) {
    String prefix = product + SEPARATOR + imageSha256 + SEPARATOR;
    List<String> serials = new ArrayList<>();
    try (KeyValueIterator<String, String> all =
        devices.prefixScan(prefix, new StringSerializer())) {
      all.forEachRemaining(kv -> serials.add(kv.key.substring(prefix.length())));
    }
    return serials;
  }
}
