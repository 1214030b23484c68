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
import io.sealtrail.custody.lineage.DeepLineage;
import io.sealtrail.custody.lineage.Lineage;
import io.sealtrail.custody.lineage.LineageStores;
import io.sealtrail.custody.lineage.LotTrace;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.custody.state.ChainHash;
import io.sealtrail.epcis.export.EpcisExporter;
import io.sealtrail.platform.query.KeyedReads;
import io.sealtrail.platform.query.StoreReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

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

  /**
   * Every device reached from {@code lot} (built with it, or into something built with it, to any
   * depth) and where it is now, asking each device's owner, in {@code format}, streamed.
   */
  TraceBody trace(String lot, TraceFormat format, HttpRequest<?> request) {
    LotTrace trace = lotTrace(lot);
    HoldBook holds = HoldSnapshot.of(reader.<Hold>local(HoldStore.NAME));
    List<HoldView> onLot =
        holds.on(HoldKind.LOT, lot).stream()
            .filter(h -> h.getStatus() == HoldStatus.ACTIVE)
            .map(HoldView::of)
            .toList();
    Iterator<TraceLine> rows = rows(trace, lot, holds, request);
    return TraceBody.lot(
        format, lot, trace.supplierOf(lot).orElse(null), onLot, filtered(rows, request));
  }

  /** The rows of {@code lot}, which this instance owns, read as they are iterated. */
  Iterator<TraceLine> rows(String lot, HttpRequest<?> request) {
    HoldBook holds = HoldSnapshot.of(reader.<Hold>local(HoldStore.NAME));
    return rows(lotTrace(lot), lot, holds, request);
  }

  private Iterator<TraceLine> rows(
      LotTrace trace, String lot, HoldBook holds, HttpRequest<?> request) {
    DeepLineage reached =
        new DeepLineage(
            trace.built(lot),
            serial -> trace.builtWith(lot, serial),
            parents(request),
            Integer.MAX_VALUE,
            Set.of());
    return new TraceRows(lot, reached, devices.seenFor(request, holds), holds);
  }

  /**
   * Every device reached from every lot of {@code supplier}, lot by lot, in {@code format},
   * streamed; a lot another instance owns is streamed from it.
   */
  TraceBody supplierTrace(String supplier, TraceFormat format, HttpRequest<?> request) {
    return TraceBody.supplier(format, supplier, filtered(supplierRows(supplier, request), request));
  }

  /**
   * The rows {@code request}'s filter keeps ({@link TraceFilter}): the last step before a trace is
   * rendered, in every format, so the rows are produced however they are and only filtered here.
   */
  private static Iterator<TraceLine> filtered(Iterator<TraceLine> rows, HttpRequest<?> request) {
    return TraceFilter.from(request).apply(rows);
  }

  /** The rows of every lot of {@code supplier}, which this instance owns. */
  Iterator<TraceLine> supplierRows(String supplier, HttpRequest<?> request) {
    List<String> lots = lotsOf(supplier);
    Iterator<String> each = lots.iterator();
    return new Iterator<>() {
      private Iterator<TraceLine> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && each.hasNext()) {
          current = lotRows(each.next(), request);
        }
        return current.hasNext();
      }

      @Override
      public TraceLine next() {
        hasNext();
        return current.next();
      }
    };
  }

  /** The lots received from {@code supplier}, which this instance owns. */
  List<String> lotsOf(String supplier) {
    List<String> lots =
        Lineage.all(reader.<String>local(LineageStores.SUPPLIER_LOTS), supplier).stream()
            .map(Lineage.Link::serial)
            .toList();
    if (lots.isEmpty()) {
      throw new KeyNotFoundException("supplier", supplier);
    }
    return lots;
  }

  /** The rows of {@code lot}, here or streamed from its owner. */
  Iterator<TraceLine> lotRows(String lot, HttpRequest<?> request) {
    Optional<HostInfo> owner = reader.remoteOwner(LineageStores.LOT_SUPPLIERS, lot);
    return owner.isEmpty() ? rows(lot, request) : Upstream.rows(owner.get(), lot, request);
  }

  /**
   * Every device {@code component} (a serial) was built into, and what those were built into, to
   * {@code maxDepth}.
   */
  WhereUsed whereUsed(String component, int maxDepth, HttpRequest<?> request) {
    DeepLineage.Parents parents = parents(request);
    List<Lineage.Link> direct = parents.of(component);
    Set<String> directSerials = new HashSet<>();
    direct.forEach(link -> directSerials.add(link.serial()));
    DeepLineage reached =
        new DeepLineage(
            direct.iterator(), directSerials::contains, parents, maxDepth, Set.of(component));
    List<WhereUsed.Use> used = new ArrayList<>();
    reached.forEachRemaining(
        r -> used.add(new WhereUsed.Use(r.serial(), r.depth(), r.via(), r.parts())));
    return new WhereUsed(component, used);
  }

  /**
   * The devices a serial was built into: from this instance's store, or asked of its owner. Where a
   * serial lives is resolved per store partition for the one answer these parents serve.
   */
  private DeepLineage.Parents parents(HttpRequest<?> request) {
    KeyedReads<String> marks = reader.keyedReads(LineageStores.COMPONENT_PARENTS);
    return serial -> {
      Optional<HostInfo> owner = marks.remoteOwner(serial);
      if (owner.isPresent()) {
        return WhereUsed.parentsFrom(reader.forwarder(), owner.get(), serial, request);
      }
      // Most devices are built into nothing: one point read of the marker says so.
      return marks.get(serial) == null
          ? List.of()
          : Lineage.all(reader.<String>local(LineageStores.COMPONENT_PARENTS), serial);
    };
  }

  /**
   * {@code lot}'s trace as a GS1 EPCIS 2.0 JSON-LD document created at {@code now}: the events of
   * the lot and of every device built with it, each once, in event-time order.
   */
  public String epcisTrace(String lot, HttpRequest<?> request, Instant now) {
    List<String> serials = new ArrayList<>();
    serials.add(lot);
    filtered(rows(lot, request), request).forEachRemaining(row -> serials.add(row.serial()));
    return epcisTrace.document(serials, request, now).toString();
  }

  /** The lineage of {@code lot}, which must be known (built into a device, or supplied). */
  private LotTrace lotTrace(String lot) {
    LotTrace trace =
        new LotTrace(
            reader.<String>local(LineageStores.LOT_DEVICES),
            reader.<String>local(LineageStores.LOT_SUPPLIERS));
    if (!trace.known(lot)) {
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
                    FirmwareResponse.Image.of(
                        i,
                        inventory.devicesRunning(product, i.imageSha256()),
                        FirmwareInventory.phasesOf(
                            reader.<Long>local(InventoryStores.PHASES),
                            product,
                            i.version(),
                            i.imageSha256())))
            .toList());
  }
}
