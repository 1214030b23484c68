package io.sealtrail.custody.lineage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a lot's lineage from the instance that owns the lot: every device built with it, what it
 * holds from the lot, and the lot's supplier.
 */
public final class LotTrace {
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
    return Lineage.key(lot, device);
  }

  /** Every device built with {@code lot}, in serial order. */
  public List<LotDevice> devicesOf(String lot) {
    List<LotDevice> devices = new ArrayList<>();
    built(lot).forEachRemaining(link -> devices.add(new LotDevice(link.serial(), link.parts())));
    return devices;
  }

  /** Every device built with {@code lot}, in serial order, read as it is iterated. */
  public Iterator<Lineage.Link> built(String lot) {
    return Lineage.links(lotDevices, lot);
  }

  /** Whether {@code serial} was built with {@code lot}. */
  public boolean builtWith(String lot, String serial) {
    return Lineage.linked(lotDevices, lot, serial);
  }

  /** Whether {@code lot} is known: built into a device, or supplied. */
  public boolean known(String lot) {
    return supplierOf(lot).isPresent() || built(lot).hasNext();
  }

  public Optional<String> supplierOf(String lot) {
    return Optional.ofNullable(lotSuppliers.get(lot));
  }
}
