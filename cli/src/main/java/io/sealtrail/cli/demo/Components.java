package io.sealtrail.cli.demo;

import static io.sealtrail.cli.demo.EventFactory.detail;
import static io.sealtrail.cli.demo.EventFactory.texts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Firmware releases and component lots: the supplier packs each part's lots in a sealed crate and
 * ships it to the factory, which receives, unpacks and books every lot in.
 */
record Components(DemoCast cast, EventFactory f, Chain chain, String run) {
  static final List<String> PARTS = List.of("MCU-STM32H7", "SE-ATECC608", "PCB-GW200-R3");

  void release(String version, Instant at) {
    ObjectNode d = detail().put("product", Firmware.PRODUCT).put("version", version);
    d.put("imageSha256", Firmware.image(version));
    // Attestations are appraised against what a device running the image measures.
    d.putArray("expectedMeasurements").add(Firmware.goodMeasurement(version));
    chain.add(
        f.event(
            cast.releaseManagerA(),
            "FIRMWARE_RELEASED",
            Sites.HEADQUARTERS,
            null,
            Firmware.PRODUCT,
            at,
            d,
            cast.releaseManagerB()));
  }

  static String lot(String run, String part, int index) {
    return String.format("LOT-%s-%s-%02d", run, part.substring(0, part.indexOf('-')), index + 1);
  }

  /** Ships and books in {@code lotsPerPart} lots of every part, starting at {@code packedAt}. */
  void deliverLots(int lotsPerPart, Instant packedAt) {
    for (int p = 0; p < PARTS.size(); p++) {
      String part = PARTS.get(p);
      List<String> lots = new ArrayList<>();
      for (int i = 0; i < lotsPerPart; i++) {
        lots.add(lot(run, part, i));
      }
      deliverCrate(part, lots, packedAt.plus(Duration.ofHours(p)));
    }
  }

  private void deliverCrate(String part, List<String> lots, Instant packedAt) {
    String crate = "CRT-" + run + "-" + part.substring(0, part.indexOf('-'));
    String seal = "SEAL-" + crate;
    String shipment = "SH-" + crate;
    DemoPartner supplier = cast.supplier();
    DemoPartner factory = cast.assembly();
    chain.add(f.event(supplier, "PACKED", Sites.SUPPLIER, null, crate, packedAt, contents(lots)));
    chain.add(
        f.event(
            supplier,
            "SEAL_APPLIED",
            Sites.SUPPLIER,
            null,
            crate,
            packedAt.plus(Duration.ofMinutes(10)),
            detail().put("sealId", seal)));
    ObjectNode shipped = detail().put("shipmentId", shipment).put("toSite", Sites.FACTORY);
    shipped.set("manifest", texts(lots));
    shipped.put("sealId", seal);
    Instant departure = packedAt.plus(Duration.ofDays(1));
    chain.add(f.event(supplier, "SHIPPED", Sites.SUPPLIER, null, crate, departure, shipped));
    ObjectNode received = detail().put("shipmentId", shipment).put("fromSite", Sites.SUPPLIER);
    received.set("scanned", texts(lots));
    received.put("sealId", seal).put("sealIntact", true);
    Instant arrival = departure.plus(Duration.ofDays(4));
    // Booked in at the gate against the supplier's delivery note, then the crate's receipt scan:
    // a lot the receipt names is then already known, whatever else the stream sees meanwhile.
    for (int i = 0; i < lots.size(); i++) {
      ObjectNode booked = detail().put("partNumber", part).put("lot", lots.get(i));
      booked.put("supplier", supplier.partnerId());
      booked.put("certificateSha256", EventFactory.sha256Hex("certificate " + lots.get(i)));
      Instant at = arrival.minus(Duration.ofMinutes(lots.size() - i));
      chain.add(
          f.event(
              factory, "COMPONENT_RECEIVED", Sites.FACTORY, "GOODS-IN", lots.get(i), at, booked));
    }
    chain.add(f.event(factory, "RECEIVED", Sites.FACTORY, null, crate, arrival, received));
    Instant unpacked = arrival.plus(Duration.ofMinutes(30));
    chain.add(f.event(factory, "UNPACKED", Sites.FACTORY, null, crate, unpacked, contents(lots)));
  }

  static ObjectNode contents(List<String> serials) {
    ObjectNode d = detail();
    d.set("contents", texts(serials));
    return d;
  }
}
