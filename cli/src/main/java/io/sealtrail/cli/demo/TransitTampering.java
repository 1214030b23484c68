package io.sealtrail.cli.demo;

import static io.sealtrail.cli.demo.EventFactory.detail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.AlertType;
import java.time.Duration;
import java.time.Instant;

/** The tampering cases on the way to the docks: a seal, a manifest, a counterfeit, a clone. */
record TransitTampering(DemoCast cast, EventFactory f, Chain chain, Instant end, String run) {
  InjectedCase swappedSeal(Pallet p) {
    DemoEvent received =
        chain
            .get(p.serial() + "/received")
            .edited(
                json -> ((ObjectNode) json.get("detail")).put("sealId", "SEAL-" + run + "-X17"));
    return new InjectedCase(
        "swapped seal",
        AlertType.SEAL_MISMATCH,
        p.serial(),
        Twist.replacing(received),
        received.eventId());
  }

  InjectedCase substitutedManifest(Pallet p, Pallet other) {
    String stranger = other.cartonSerials().get(0);
    DemoEvent received =
        chain
            .get(p.serial() + "/received")
            .edited(
                json -> {
                  var scanned = (ArrayNode) json.at("/detail/scanned");
                  scanned.set(0, stranger);
                });
    // The stranger is then seen at both docks within the hour. Whether that reads as a clone
    // depends on the order its own dock's events and the scan reach it in: when the scan comes
    // between them, its next sighting at its own dock is a CLONE_SUSPECTED, and rightly so.
    return new InjectedCase(
            "manifest with one serial substituted",
            AlertType.MANIFEST_MISMATCH,
            p.serial(),
            Twist.replacing(received),
            received.eventId())
        .alsoExplaining(new InjectedCase.Consequence(AlertType.CLONE_SUSPECTED, stranger));
  }

  InjectedCase counterfeit() {
    String fake = "DEV-" + run + "-90417";
    DemoEvent scan =
        f.event(
            cast.dockHamburg(),
            "SCANNED",
            Sites.HAMBURG,
            "GATE-1",
            fake,
            end.minus(Duration.ofDays(2)),
            detail());
    return new InjectedCase(
        "counterfeit serial", AlertType.UNKNOWN_SERIAL, fake, Twist.adding(scan), scan.eventId());
  }

  InjectedCase clonedAtTwoDocks(Device d) {
    Instant first = end.minus(Duration.ofHours(40));
    DemoEvent here =
        f.event(
            cast.dockRotterdam(),
            "SCANNED",
            Sites.ROTTERDAM,
            "GATE-1",
            d.serial(),
            first,
            detail());
    DemoEvent there =
        f.event(
            cast.dockHamburg(),
            "SCANNED",
            Sites.HAMBURG,
            "GATE-1",
            d.serial(),
            first.plus(Duration.ofMinutes(20)),
            detail());
    return new InjectedCase(
        "clone at two docks",
        AlertType.CLONE_SUSPECTED,
        d.serial(),
        Twist.adding(here, there),
        there.eventId());
  }
}
