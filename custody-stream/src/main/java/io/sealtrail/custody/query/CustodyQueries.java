package io.sealtrail.custody.query;

import io.micronaut.http.HttpRequest;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.hold.Hold;
import io.sealtrail.avro.hold.HoldKind;
import io.sealtrail.avro.hold.HoldStatus;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.history.SerialHistory;
import io.sealtrail.custody.hold.HoldBook;
import io.sealtrail.custody.hold.HoldStore;
import io.sealtrail.custody.hold.HoldView;
import io.sealtrail.custody.inventory.FirmwareInventory;
import io.sealtrail.custody.inventory.InventoryStores;
import io.sealtrail.custody.lineage.LineageStores;
import io.sealtrail.custody.lineage.LotTrace;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.custody.state.ChainHash;
import io.sealtrail.epcis.export.EpcisExporter;
import io.sealtrail.platform.query.StoreReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of the read routes, read from this instance's stores; called only by the instance
 * owning the key. A key never seen is a {@link KeyNotFoundException}.
 */
public final class CustodyQueries {
  private static final EpcisExporter EPCIS = new EpcisExporter();
  private final StoreReader reader;
  private final DeviceStates devices;
  private final EpcisTrace epcisTrace;

  public CustodyQueries(StoreReader reader) {
    this.reader = reader;
    this.devices = new DeviceStates(reader);
    this.epcisTrace = new EpcisTrace(reader, EPCIS);
  }

  /** The current state of {@code serial}. */
  public Map<String, Object> state(String serial) {
    CustodyState state = reader.<CustodyState>local(CustodyStores.STATE).get(serial);
    if (state == null) {
      throw new KeyNotFoundException("serial", serial);
    }
    Map<String, Object> answer = new LinkedHashMap<>(AvroJson.of(state));
    answer.put("holds", holdsCovering(state));
    return answer;
  }

  /** The active holds that cover the serial {@code state} describes, read from the global store. */
  private List<HoldView> holdsCovering(CustodyState state) {
    return holds().activeCovering(state).stream().map(HoldView::of).toList();
  }

  private HoldBook holds() {
    return new HoldBook(reader.<Hold>local(HoldStore.NAME));
  }

  /**
   * Every event of {@code serial} with its envelope and chain link, first first, checked against
   * the state's head (both stores are partitioned by serial, so the owner holds both).
   */
  public HistoryResponse history(String serial) {
    List<SerialHistory.Entry> entries = entries(serial);
    CustodyState state = reader.<CustodyState>local(CustodyStores.STATE).get(serial);
    String head = state == null ? null : state.getChainHash();
    HistoryResponse answer = HistoryResponse.of(serial, ChainHash.GENESIS, entries, head);
    return state == null ? answer : answer.withHolds(holdsCovering(state));
  }

  /**
   * The history of {@code serial} as a GS1 EPCIS 2.0 JSON-LD document created at {@code now}: each
   * event in fold order, linked to its signed original.
   */
  public String epcisHistory(String serial, Instant now) {
    List<VerifiedEvent> events = entries(serial).stream().map(SerialHistory.Entry::event).toList();
    return EPCIS.document(events, now).toString();
  }

  private List<SerialHistory.Entry> entries(String serial) {
    List<SerialHistory.Entry> entries =
        new SerialHistory(reader.<VerifiedEvent>local(CustodyStores.HISTORY)).of(serial);
    if (entries.isEmpty()) {
      throw new KeyNotFoundException("serial", serial);
    }
    return entries;
  }

  /** Every device built with {@code lot} and where it is now, asking each device's owner. */
  public TraceResponse trace(String lot, HttpRequest<?> request) {
    LotTrace trace = lotTrace(lot);
    List<LotTrace.LotDevice> built = trace.devicesOf(lot);
    Optional<String> supplier = trace.supplierOf(lot);
    List<TracedDevice> traced =
        built.stream()
            .map(d -> TracedDevice.of(d.serial(), d.parts(), devices.stateOf(d.serial(), request)))
            .toList();
    List<HoldView> onLot =
        holds().on(HoldKind.LOT, lot).stream()
            .filter(h -> h.getStatus() == HoldStatus.ACTIVE)
            .map(HoldView::of)
            .toList();
    return new TraceResponse(lot, supplier.orElse(null), traced, onLot);
  }

  /**
   * {@code lot}'s trace as a GS1 EPCIS 2.0 JSON-LD document created at {@code now}: the events of
   * the lot and of every device built with it, each once, in event-time order.
   */
  public String epcisTrace(String lot, HttpRequest<?> request, Instant now) {
    List<String> serials = new java.util.ArrayList<>();
    serials.add(lot);
    lotTrace(lot).devicesOf(lot).forEach(device -> serials.add(device.serial()));
    return epcisTrace.document(serials, request, now).toString();
  }

  /** The serials of every device built with {@code lot}, which must be known here. */
  public List<String> serialsBuiltWith(String lot) {
    return lotTrace(lot).devicesOf(lot).stream().map(LotTrace.LotDevice::serial).toList();
  }

  /** The lineage of {@code lot}, which must be known (built into a device, or supplied). */
  private LotTrace lotTrace(String lot) {
    LotTrace trace =
        new LotTrace(
            reader.<String>local(LineageStores.LOT_DEVICES),
            reader.<String>local(LineageStores.LOT_SUPPLIERS));
    if (trace.devicesOf(lot).isEmpty() && trace.supplierOf(lot).isEmpty()) {
      throw new KeyNotFoundException("lot", lot);
    }
    return trace;
  }

  /** Every version and image of {@code product} installed now, with the devices running it. */
  public FirmwareResponse firmware(String product) {
    FirmwareInventory inventory =
        new FirmwareInventory(
            reader.<Long>local(InventoryStores.COUNTS),
            reader.<String>local(InventoryStores.DEVICES));
    List<FirmwareInventory.Installed> installed = inventory.installedOf(product);
    if (installed.isEmpty()) {
      throw new KeyNotFoundException("product", product);
    }
    return new FirmwareResponse(
        product,
        installed.stream()
            .map(
                i ->
                    new FirmwareResponse.Image(
                        i.version(),
                        i.imageSha256(),
                        i.devices(),
                        inventory.devicesRunning(product, i.imageSha256())))
            .toList());
  }
}
