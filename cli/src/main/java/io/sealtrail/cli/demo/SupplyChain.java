package io.sealtrail.cli.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the demo: a realistic, legitimate supply chain of {@code devices} devices that ends at
 * {@code end}, one of each tampering case, and noise. Everything is fixed by the seed.
 */
public final class SupplyChain {
  static final int BURST = 16;
  private static final String BURST_STATION = "TEST-3";

  private final DemoOptions options;
  private final Random random;
  private final DemoCast cast;
  private final EventFactory f;
  private final Chain chain = new Chain();
  private final Instant end;
  private final SeededRandom keys;

  private SupplyChain(DemoOptions options) {
    this.options = options;
    // Keys differ per run: the platform rightly calls one device key on two serials a clone.
    SeededRandom keys = new SeededRandom(options.seed() * 31 + options.run().hashCode());
    this.random = new Random(options.seed());
    this.cast = DemoCast.generate(keys);
    this.f = new EventFactory(options.run());
    this.end = options.end();
    this.keys = keys;
  }

  public static Scenario generate(DemoOptions options) {
    return new SupplyChain(options).scenario();
  }

  private Scenario scenario() {
    String run = options.run();
    var components = new Components(cast, f, chain, run);
    // Within ingest's default max-event-age (30 days, TOO_OLD): the story's oldest events.
    components.release(Firmware.OLD, end.minus(Duration.ofDays(28)));
    components.release(Firmware.CURRENT, end.minus(Duration.ofDays(27)));
    int lotsPerPart = Math.max(2, (options.devices() + 399) / 400);
    components.deliverLots(lotsPerPart, end.minus(Duration.ofDays(26)));
    List<Device> devices = devices(lotsPerPart);
    List<Device> burst = burst(devices);
    var line = new DeviceLine(cast, f, chain);
    List<Device> sealed = new ArrayList<>();
    for (Device d : devices) {
      boolean quarantined = burst.contains(d);
      line.build(d, !quarantined);
      if (!quarantined) {
        sealed.add(d);
      }
    }
    var logistics = new Logistics(cast, f, chain, run);
    List<Pallet> pallets = logistics.pack(sealed);
    for (int p = 0; p < pallets.size(); p++) {
      Duration stagger = Duration.ofMinutes(7L * p);
      logistics.ship(
          pallets.get(p),
          end.minus(Duration.ofDays(9)).plus(stagger),
          end.minus(Duration.ofDays(3)).plus(stagger));
    }
    Cohorts cohorts = Cohorts.assign(sealed, pallets, random);
    var field = new FieldService(cast, f, chain);
    Map<Device, String> sites = new HashMap<>();
    for (Device d : cohorts.commissioned()) {
      String site = Sites.CUSTOMERS.get(random.nextInt(Sites.CUSTOMERS.size()));
      sites.put(d, site);
      field.commission(d, site, within(end.minus(Duration.ofHours(22)), Duration.ofHours(10)));
      Instant attest = within(end.minus(Duration.ofHours(9)), Duration.ofHours(8));
      if (d.equals(cohorts.decommissioned())) {
        field.decommission(d, site, end.minus(Duration.ofHours(8)));
      } else if (cohorts.late().contains(d)) {
        field.attestReportedLate(d, site, attest);
      } else {
        field.attest(d, site, 2, attest);
      }
    }
    var tampering = new Tampering(cast, f, chain, line, end, run);
    String faultyLot = Components.lot(run, Components.PARTS.get(1), 1);
    return new Scenario(
        cast,
        run,
        options.devices(),
        faultyLot,
        chain.events(),
        tampering.cases(cohorts, pallets, burst, devices, sites),
        tampering.noise(cohorts.uneventful(), sites));
  }

  private List<Device> devices(int lotsPerPart) {
    List<Device> devices = new ArrayList<>();
    Instant start = end.minus(Duration.ofDays(14));
    Duration spacing = Duration.ofDays(4).dividedBy(options.devices());
    for (int i = 0; i < options.devices(); i++) {
      int lot = i * lotsPerPart / options.devices();
      List<String> lots =
          Components.PARTS.stream().map(p -> Components.lot(options.run(), p, lot)).toList();
      String serial = String.format("DEV-%s-%05d", options.run(), i + 1);
      String station = "TEST-" + (i % 4 + 1);
      devices.add(
          new Device(
              i,
              serial,
              DemoCast.newKey(keys),
              lots,
              start.plus(spacing.multipliedBy(i)),
              station));
    }
    return devices;
  }

  /** Consecutive devices through the burst station, a third into production. */
  private List<Device> burst(List<Device> devices) {
    List<Device> burst = new ArrayList<>();
    for (int i = devices.size() / 3; i < devices.size() && burst.size() < BURST; i++) {
      if (devices.get(i).testStation().equals(BURST_STATION)) {
        burst.add(devices.get(i));
      }
    }
    return burst;
  }

  private Instant within(Instant from, Duration span) {
    return from.plusSeconds((long) (random.nextDouble() * span.toSeconds()));
  }
}
