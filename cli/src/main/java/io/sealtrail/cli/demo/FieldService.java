package io.sealtrail.cli.demo;

import static io.sealtrail.cli.demo.EventFactory.detail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/** A device at its customer: commissioned, attesting in the field, decommissioned at its end. */
record FieldService(DemoCast cast, EventFactory f, Chain chain) {

  void commission(Device d, String site, Instant at) {
    ObjectNode customer = detail().put("customer", "customer at " + site);
    chain.add(f.event(cast.fieldService(), "COMMISSIONED", site, null, d.serial(), at, customer));
  }

  /** A passing field attestation, named {@code serial/field-counter}. */
  DemoEvent attest(Device d, String site, long counter, Instant at) {
    return chain.add(d.serial() + "/field-" + counter, attestation(d, site, counter, at));
  }

  /**
   * Two field attestations five minutes apart, the first reported a minute after the second: late
   * but within the stream's grace, so it adds history and raises nothing.
   */
  void attestReportedLate(Device d, String site, Instant at) {
    Instant second = at.plus(Duration.ofMinutes(5));
    DemoEvent first = attestation(d, site, 2, at).reportedAt(second.plus(Duration.ofMinutes(1)));
    chain.add(d.serial() + "/field-2", first);
    attest(d, site, 3, second);
  }

  private DemoEvent attestation(Device d, String site, long counter, Instant at) {
    String measurement = Firmware.goodMeasurement(Firmware.CURRENT);
    ObjectNode quote = EventFactory.attestation(d.serial(), d.key(), counter, measurement, true);
    return f.event(cast.fieldService(), "ATTESTED", site, null, d.serial(), at, quote);
  }

  void decommission(Device d, String site, Instant at) {
    ObjectNode reason = detail().put("reason", "returned for repair: water ingress");
    chain.add(f.event(cast.fieldService(), "DECOMMISSIONED", site, null, d.serial(), at, reason));
  }
}
