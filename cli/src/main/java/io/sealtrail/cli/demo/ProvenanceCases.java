package io.sealtrail.cli.demo;

import static io.sealtrail.cli.demo.EventFactory.detail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The provenance cases at assembly (#17): a device built with a lot the factory never received, one
 * secure element's serial built into two devices, and a lot received from a supplier not approved
 * for its part. The demo platform approves only the demo's supplier for {@link #GUARDED} ({@link
 * #PLATFORM}); every lot of the legitimate chain is received from it, with its certificate, before
 * it is assembled.
 */
record ProvenanceCases(DemoCast cast, EventFactory f, Instant end, String run) {
  /** The part whose suppliers the demo platform checks. */
  static final String GUARDED = Components.PARTS.get(1);

  /** What the demo platform's custody-stream is told of suppliers (until the policy holds it). */
  static final Map<String, String> PLATFORM =
      Map.of(
          "sealtrail.detect.approved-suppliers",
          GUARDED + "=acme-components",
          "sealtrail.detect.certificate-required",
          GUARDED);

  List<InjectedCase> cases() {
    return List.of(unreceivedLot(), reusedComponent(), unapprovedSupplier());
  }

  /** A device assembled at the factory with secure elements of a lot never booked in. */
  private InjectedCase unreceivedLot() {
    String device = "DEV-" + run + "-GREY1";
    String lot = "LOT-" + run + "-SE-UNBOOKED";
    DemoEvent assembly = assembly(device, end.minus(Duration.ofDays(11)), part(GUARDED, lot, null));
    return new InjectedCase(
        "lot assembled but never received",
        AlertType.UNVERIFIED_COMPONENT,
        device,
        Twist.adding(assembly),
        assembly.eventId());
  }

  /** One secure element, by its serial, built into a device and again into another a day later. */
  private InjectedCase reusedComponent() {
    String element = "SE-" + run + "-07731";
    String lot = Components.lot(run, GUARDED, 0);
    Instant first = end.minus(Duration.ofDays(12));
    DemoEvent original = assembly("DEV-" + run + "-REUSE1", first, part(GUARDED, lot, element));
    String reuser = "DEV-" + run + "-REUSE2";
    DemoEvent reuse = assembly(reuser, first.plus(Duration.ofDays(1)), part(GUARDED, lot, element));
    return new InjectedCase(
        "one component serial in two devices",
        AlertType.COMPONENT_REUSE,
        reuser,
        Twist.adding(original, reuse),
        reuse.eventId());
  }

  /** A lot of the guarded part booked in from a broker that is not an approved supplier. */
  private InjectedCase unapprovedSupplier() {
    String lot = "LOT-" + run + "-SE-BROKER";
    ObjectNode booked = detail().put("partNumber", GUARDED).put("lot", lot);
    booked.put("supplier", "grey-market-brokers");
    booked.put("certificateSha256", EventFactory.sha256Hex("certificate " + lot));
    DemoEvent receipt =
        f.event(
            cast.assembly(),
            "COMPONENT_RECEIVED",
            Sites.FACTORY,
            "GOODS-IN",
            lot,
            end.minus(Duration.ofDays(13)),
            booked);
    return new InjectedCase(
        "lot from a supplier not approved for its part",
        AlertType.UNAPPROVED_SUPPLIER,
        lot,
        Twist.adding(receipt),
        receipt.eventId());
  }

  private DemoEvent assembly(String device, Instant at, ObjectNode... parts) {
    ObjectNode assembled = detail().put("product", Firmware.PRODUCT).put("bomRevision", "R3");
    ArrayNode components = assembled.putArray("components");
    for (ObjectNode part : parts) {
      components.add(part);
    }
    return f.event(cast.assembly(), "ASSEMBLED", Sites.FACTORY, "ASM-1", device, at, assembled);
  }

  private static ObjectNode part(String partNumber, String lot, String serial) {
    ObjectNode part = detail().put("partNumber", partNumber).put("lot", lot);
    if (serial != null) {
      part.put("serial", serial);
    }
    return part;
  }
}
