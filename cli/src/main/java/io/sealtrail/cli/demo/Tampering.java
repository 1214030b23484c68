package io.sealtrail.cli.demo;

import static io.sealtrail.cli.demo.EventFactory.detail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One of each tampering case of the detection catalogue, and the noise that must not alert. */
final class Tampering {
  static final int FORGED = 20;
  static final int NOISE_FAILURES = 3;

  private final DemoCast cast;
  private final EventFactory f;
  private final Chain chain;
  private final DeviceLine line;
  private final Instant end;
  private final String run;
  private final Quotes quotes;
  private final io.sealtrail.trust.crypto.Signer forger;

  Tampering(DemoCast cast, EventFactory f, Chain chain, DeviceLine line, Instant end, String run) {
    this.cast = cast;
    this.f = f;
    this.chain = chain;
    this.line = line;
    this.end = end;
    this.run = run;
    this.quotes = new Quotes(chain);
    this.forger = DemoCast.newKey(new SeededRandom(run.hashCode()));
  }

  List<InjectedCase> cases(
      Cohorts cohorts,
      List<Pallet> pallets,
      List<Device> burst,
      List<Device> devices,
      Map<Device, String> sites) {
    List<Device> v = cohorts.factoryVictims();
    List<InjectedCase> cases = new ArrayList<>();
    var transit = new TransitTampering(cast, f, chain, end, run);
    cases.add(transit.swappedSeal(pallets.get(0)));
    cases.add(transit.substitutedManifest(pallets.get(1), pallets.get(0)));
    cases.add(transit.counterfeit());
    cases.add(transit.clonedAtTwoDocks(cohorts.cloned()));
    cases.add(new KeyReuse(quotes).of(v.get(1), v.get(0)));
    cases.add(unapprovedImage(v.get(2)));
    cases.add(flashWithoutCoSignature(v.get(3)));
    cases.add(rollback(v.get(4)));
    cases.add(quotes.failureBurst(burst, cast.supplier().partnerId()));
    cases.add(forgedBurst(devices));
    Device d = cohorts.decommissioned();
    cases.add(afterDecommissioning(d, sites.get(d)));
    cases.add(new WithdrawnRelease(cast, f, line, end).flashAfterWithdrawal(v.get(7)));
    cases.add(new LayoutCases(chain).sealedBeforeTest(v.get(8)));
    cases.addAll(new AppraisalCases(cast, f, chain, end).cases(cohorts, burst, sites));
    cases.addAll(new ProvenanceCases(cast, f, end, run).cases());
    cases.addAll(new ShipmentCases(cast, f, end, run).cases());
    return cases;
  }

  private InjectedCase unapprovedImage(Device d) {
    DemoEvent flash =
        chain
            .get(d.serial() + "/flash")
            .edited(
                json ->
                    ((ObjectNode) json.get("detail"))
                        .put("imageSha256", Firmware.unapprovedImage()));
    return new InjectedCase(
        "unapproved image",
        AlertType.UNAUTHORIZED_FIRMWARE,
        d.serial(),
        Twist.replacing(flash),
        flash.eventId());
  }

  private InjectedCase flashWithoutCoSignature(Device d) {
    DemoEvent flash = chain.get(d.serial() + "/flash").signedWith(Signing.By.of(cast.flashing()));
    return new InjectedCase(
        "flash without co-signature",
        AlertType.MISSING_DUAL_APPROVAL,
        d.serial(),
        Twist.replacing(flash),
        flash.eventId());
  }

  private InjectedCase rollback(Device d) {
    DemoEvent flash = line.flash(d, Firmware.OLD, DeviceLine.FLASHING.plus(Duration.ofMinutes(10)));
    // The rolled-back device still attests 1.4.0's measurement, which 1.3.0's release does not
    // expect: the appraisal says so too.
    return new InjectedCase(
            "rollback",
            AlertType.FIRMWARE_ROLLBACK,
            d.serial(),
            Twist.adding(flash),
            flash.eventId())
        .alsoExplaining(new InjectedCase.Consequence(AlertType.MEASUREMENT_MISMATCH, d.serial()));
  }

  private InjectedCase forgedBurst(List<Device> devices) {
    DemoPartner victim = cast.dockHamburg();
    Signing.Forged forgery = forgery();
    List<DemoEvent> forged = new ArrayList<>();
    Instant start = end.minus(Duration.ofHours(30));
    for (int i = 0; i < FORGED; i++) {
      String serial = devices.get(devices.size() - 1 - i).serial();
      Instant at = start.plus(Duration.ofMinutes(i));
      forged.add(
          f.event(victim, "SCANNED", Sites.HAMBURG, "GATE-1", serial, at, detail())
              .signedWith(forgery));
    }
    return new InjectedCase(
        "forged-signature burst",
        AlertType.REJECTION_SPIKE,
        victim.partnerId(),
        new Twist(Map.of(), forged),
        forged.get(0).eventId(),
        // The same rejections counted by the keyid, the site and the event type they claim.
        Set.of(forgery.claimedKeyId(), Sites.HAMBURG, "eventType=SCANNED"),
        Set.of());
  }

  /** An attacker's key presented as the Hamburg dock's. */
  Signing.Forged forgery() {
    return new Signing.Forged(cast.dockHamburg().key().keyId().hex(), forger);
  }

  private InjectedCase afterDecommissioning(Device d, String site) {
    DemoEvent scan =
        f.event(
            cast.fieldService(),
            "SCANNED",
            site,
            null,
            d.serial(),
            end.minus(Duration.ofHours(2)),
            detail());
    return new InjectedCase(
        "activity after decommissioning",
        AlertType.POST_DECOMMISSION_ACTIVITY,
        d.serial(),
        Twist.adding(scan),
        scan.eventId());
  }

  /** Field attestation failures of a few devices, each at its own customer site. */
  Noise noise(List<Device> uneventful, Map<Device, String> sites) {
    Set<String> seenSites = new HashSet<>();
    List<DemoEvent> failures = new ArrayList<>();
    Set<String> serials = new HashSet<>();
    for (Device d : uneventful) {
      if (failures.size() < NOISE_FAILURES && seenSites.add(sites.get(d))) {
        failures.add(quotes.failed(chain.get(d.serial() + "/field-2"), d));
        serials.add(d.serial());
      }
    }
    return new Noise(Twist.replacing(failures.toArray(DemoEvent[]::new)), serials);
  }
}
