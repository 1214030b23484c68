package io.sealtrail.cli.demo;

import static io.sealtrail.cli.demo.EventFactory.detail;
import static io.sealtrail.cli.demo.EventFactory.texts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs sealed devices into sealed cartons and pallets, has the carrier ship each pallet to a dock,
 * and the dock receive it (scan and seal checked) and unpack pallet and cartons.
 */
record Logistics(DemoCast cast, EventFactory f, Chain chain, String run) {
  static final int DEVICES_PER_CARTON = 10;
  static final int CARTONS_PER_PALLET = 8;

  List<Pallet> pack(List<Device> sealed) {
    List<Pallet.Carton> cartons = new ArrayList<>();
    for (int from = 0; from < sealed.size(); from += DEVICES_PER_CARTON) {
      var devices = sealed.subList(from, Math.min(sealed.size(), from + DEVICES_PER_CARTON));
      var carton =
          new Pallet.Carton(String.format("CTN-%s-%04d", run, cartons.size() + 1), devices);
      Instant packed = DeviceLine.at(devices.get(devices.size() - 1), DeviceLine.SEALING);
      packAndSeal(carton.serial(), carton.deviceSerials(), packed.plus(Duration.ofMinutes(10)));
      cartons.add(carton);
    }
    List<Pallet> pallets = new ArrayList<>();
    for (int from = 0; from < cartons.size(); from += CARTONS_PER_PALLET) {
      var load = cartons.subList(from, Math.min(cartons.size(), from + CARTONS_PER_PALLET));
      int n = pallets.size() + 1;
      String serial = String.format("PLT-%s-%03d", run, n);
      var pallet =
          new Pallet(serial, load, Sites.DOCKS.get(n % 2), "SH-" + serial, "SEAL-" + serial);
      Pallet.Carton last = load.get(load.size() - 1);
      Instant packed =
          DeviceLine.at(last.devices().get(last.devices().size() - 1), DeviceLine.SEALING);
      packAndSeal(serial, pallet.cartonSerials(), packed.plus(Duration.ofMinutes(30)));
      pallets.add(pallet);
    }
    return pallets;
  }

  private void packAndSeal(String container, List<String> contents, Instant at) {
    var packed = Components.contents(contents);
    chain.add(f.event(cast.assembly(), "PACKED", Sites.FACTORY, "PACK-1", container, at, packed));
    ObjectNode seal = detail().put("sealId", "SEAL-" + container);
    Instant sealedAt = at.plus(Duration.ofMinutes(5));
    chain.add(
        f.event(
            cast.assembly(), "SEAL_APPLIED", Sites.FACTORY, "PACK-1", container, sealedAt, seal));
  }

  /** Ships pallet {@code n} at {@code departure} and has its dock receive it at {@code arrival}. */
  void ship(Pallet p, Instant departure, Instant arrival) {
    ObjectNode shipped = detail().put("shipmentId", p.shipmentId()).put("toSite", p.dock());
    shipped.set("manifest", texts(p.cartonSerials()));
    shipped.put("sealId", p.sealId());
    chain.add(
        f.event(cast.carrier(), "SHIPPED", Sites.FACTORY, null, p.serial(), departure, shipped));
    DemoPartner dock = cast.dockAt(p.dock());
    ObjectNode received = detail().put("shipmentId", p.shipmentId()).put("fromSite", Sites.FACTORY);
    received.set("scanned", texts(p.cartonSerials()));
    received.put("sealId", p.sealId()).put("sealIntact", true);
    chain.add(
        p.serial() + "/received",
        f.event(dock, "RECEIVED", p.dock(), "GATE-1", p.serial(), arrival, received));
    Instant unpacked = arrival.plus(Duration.ofMinutes(30));
    var cartons = Components.contents(p.cartonSerials());
    chain.add(f.event(dock, "UNPACKED", p.dock(), "GATE-1", p.serial(), unpacked, cartons));
    for (int c = 0; c < p.cartons().size(); c++) {
      Pallet.Carton carton = p.cartons().get(c);
      Instant at = unpacked.plus(Duration.ofMinutes(30L + 2L * c));
      var devices = Components.contents(carton.deviceSerials());
      chain.add(f.event(dock, "UNPACKED", p.dock(), "GATE-1", carton.serial(), at, devices));
    }
  }
}
