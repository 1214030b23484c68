package io.sealtrail.cli.demo;

import static io.sealtrail.cli.demo.EventFactory.detail;

import java.time.Instant;
import java.util.List;

/**
 * While the demo waits, the failing test station goes on failing one re-test at a time and the
 * forger goes on trying: later events of the same two cohorts, which close their spike windows.
 * Each re-test fails a device the burst already failed, so it raises no alert of its own.
 */
final class BurstTicks implements Ticks {
  private final DemoCast cast;
  private final EventFactory f;
  private final List<Device> burst;
  private final String station;
  private final Signing.Forged forgery;

  BurstTicks(
      DemoCast cast, EventFactory f, List<Device> burst, String station, Signing.Forged forgery) {
    this.cast = cast;
    this.f = f;
    this.burst = List.copyOf(burst);
    this.station = station;
    this.forgery = forgery;
  }

  @Override
  public synchronized List<DemoEvent> at(int n, Instant now) {
    Device d = burst.get(n % burst.size());
    long counter = 2L + n / burst.size();
    var detail =
        EventFactory.attestation(
            d.serial(), d.key(), counter, Firmware.badMeasurement(d.serial()), false);
    DemoEvent retest =
        f.event(cast.flashing(), "ATTESTED", Sites.FACTORY, station, d.serial(), now, detail);
    DemoEvent forged =
        f.event(cast.dockHamburg(), "SCANNED", Sites.HAMBURG, "GATE-1", d.serial(), now, detail())
            .signedWith(forgery);
    return List.of(retest, forged);
  }
}
