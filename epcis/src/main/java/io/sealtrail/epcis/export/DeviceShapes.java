package io.sealtrail.epcis.export;

import static io.sealtrail.epcis.export.EventShapes.ASSOCIATION;
import static io.sealtrail.epcis.export.EventShapes.OBJECT;
import static io.sealtrail.epcis.export.EventShapes.base;
import static io.sealtrail.epcis.export.EventShapes.detail;
import static io.sealtrail.epcis.export.EventShapes.objectEvent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.event.Commissioned;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.Decommissioned;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.event.FirmwareReleased;
import io.sealtrail.avro.event.FirmwareWithdrawn;
import io.sealtrail.avro.event.KeyProvisioned;
import io.sealtrail.avro.event.Scanned;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.epcis.Identifiers;
import io.sealtrail.epcis.Vocabulary;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shapes of what happens to a device and its parts: receipt, assembly, keys, firmware, service. */
final class DeviceShapes {
  private DeviceShapes() {}

  static void register(Map<EventType, Function<VerifiedEvent, List<EpcisEvent>>> shapes) {
    shapes.put(EventType.COMPONENT_RECEIVED, v -> List.of(componentReceived(v)));
    shapes.put(EventType.ASSEMBLED, DeviceShapes::assembled);
    shapes.put(EventType.KEY_PROVISIONED, v -> List.of(keyProvisioned(v)));
    shapes.put(EventType.FIRMWARE_RELEASED, v -> List.of(firmwareReleased(v)));
    shapes.put(EventType.FIRMWARE_FLASHED, v -> List.of(firmwareFlashed(v)));
    shapes.put(EventType.SCANNED, v -> List.of(scanned(v)));
    shapes.put(EventType.ATTESTED, v -> List.of(attested(v)));
    shapes.put(EventType.COMMISSIONED, v -> List.of(commissioned(v)));
    shapes.put(EventType.DECOMMISSIONED, v -> List.of(decommissioned(v)));
    shapes.put(EventType.FIRMWARE_WITHDRAWN, v -> List.of(firmwareWithdrawn(v)));
  }

  /** A lot received as a whole is class level (quantityList); a serialised part is an EPC. */
  private static EpcisEvent componentReceived(VerifiedEvent v) {
    ComponentReceived d = detail(v, ComponentReceived.class);
    String subject = v.getEvent().getSubject();
    EpcisEvent event;
    if (subject.equals(d.getLot())) {
      event = base(v, "", OBJECT, "OBSERVE", "receiving", "in_progress");
      event.put("quantityList", Components.quantity(d.getPartNumber(), d.getLot(), 0));
    } else {
      event =
          objectEvent(v, "OBSERVE", "receiving", "in_progress")
              .ext("partNumber", d.getPartNumber())
              .ext("lot", d.getLot());
    }
    return event
        .party("sourceList", "source", "owning_party", Identifiers.party(d.getSupplier()))
        .ext("certificateSha256", d.getCertificateSha256());
  }

  /**
   * CBV's recommended assembly: the device's identifier is born (ObjectEvent ADD, commissioning,
   * with product and BOM as ILMD) and its parts are associated with it (AssociationEvent ADD,
   * assembling) - never a TransformationEvent labelled assembling.
   */
  private static List<EpcisEvent> assembled(VerifiedEvent v) {
    Assembled d = detail(v, Assembled.class);
    EpcisEvent commissioning = objectEvent(v, "ADD", "commissioning", "active");
    commissioning.put(
        "ilmd",
        EpcisEvent.JSON
            .objectNode()
            .put(Vocabulary.ext("product"), d.getProduct())
            .put(Vocabulary.ext("bomRevision"), d.getBomRevision()));
    if (d.getComponents().isEmpty()) {
      return List.of(commissioning); // an association must name at least one part
    }
    EpcisEvent association =
        base(v, "/association", ASSOCIATION, "ADD", "assembling", null)
            .put("parentID", Identifiers.serial(v.getEvent().getSubject()));
    Components.addTo(association, d.getComponents());
    return List.of(commissioning, association);
  }

  private static EpcisEvent keyProvisioned(VerifiedEvent v) {
    KeyProvisioned d = detail(v, KeyProvisioned.class);
    return objectEvent(v, "OBSERVE", Vocabulary.KEY_PROVISIONING, null)
        .ext("devicePublicKey", SignedOriginal.base64(d.getPublicKey()))
        .ext("devicePublicKeySha256", sha256(d.getPublicKey()))
        .ext("keyAlg", d.getKeyAlg())
        .ext("secureElement", d.getSecureElement());
  }

  /** A release concerns a product, not an object: class level, with the product as epcClass. */
  private static EpcisEvent firmwareReleased(VerifiedEvent v) {
    FirmwareReleased d = detail(v, FirmwareReleased.class);
    EpcisEvent event = productEvent(v, Vocabulary.FIRMWARE_RELEASING);
    return firmware(event, d.getProduct(), d.getVersion(), d.getImageSha256())
        .ext("expectedMeasurements", measurements(d.getExpectedMeasurements()));
  }

  /**
   * A withdrawal, like its release, concerns a product: class level, with why it was taken back.
   */
  private static EpcisEvent firmwareWithdrawn(VerifiedEvent v) {
    FirmwareWithdrawn d = detail(v, FirmwareWithdrawn.class);
    EpcisEvent event = productEvent(v, Vocabulary.FIRMWARE_WITHDRAWING);
    return firmware(event, d.getProduct(), d.getVersion(), d.getImageSha256())
        .ext("reason", d.getReason());
  }

  private static EpcisEvent productEvent(VerifiedEvent v, String bizStep) {
    EpcisEvent event = base(v, "", OBJECT, "OBSERVE", bizStep, null);
    event.put(
        "quantityList",
        EpcisEvent.JSON
            .arrayNode()
            .add(
                EpcisEvent.JSON
                    .objectNode()
                    .put("epcClass", Identifiers.product(v.getEvent().getSubject()))));
    return event;
  }

  /** The measurements a release expects, as a JSON array; none (not appraised) for null. */
  private static ArrayNode measurements(List<String> expected) {
    if (expected == null) {
      return null;
    }
    ArrayNode list = EpcisEvent.JSON.arrayNode();
    expected.forEach(list::add);
    return list;
  }

  private static EpcisEvent firmwareFlashed(VerifiedEvent v) {
    FirmwareFlashed d = detail(v, FirmwareFlashed.class);
    EpcisEvent event = objectEvent(v, "OBSERVE", Vocabulary.FIRMWARE_FLASHING, null);
    return firmware(event, d.getProduct(), d.getVersion(), d.getImageSha256());
  }

  private static EpcisEvent firmware(EpcisEvent event, String product, String version, String sha) {
    return event
        .ext("product", product)
        .ext("firmwareVersion", version)
        .ext("firmwareImageSha256", sha);
  }

  /**
   * An inspection that found parts is an AssociationEvent OBSERVE (parent and parts seen); one that
   * found none, or did not look, is an ObjectEvent ({@code sealtrail:components: []} says it
   * looked).
   */
  private static EpcisEvent scanned(VerifiedEvent v) {
    Scanned d = detail(v, Scanned.class);
    if (d.getComponents() == null) {
      return objectEvent(v, "OBSERVE", null, null);
    }
    if (d.getComponents().isEmpty()) {
      return objectEvent(v, "OBSERVE", "inspecting", null)
          .ext("components", EpcisEvent.JSON.arrayNode());
    }
    EpcisEvent event =
        base(v, "", ASSOCIATION, "OBSERVE", "inspecting", null)
            .put("parentID", Identifiers.serial(v.getEvent().getSubject()));
    Components.addTo(event, d.getComponents());
    return event;
  }

  private static EpcisEvent attested(VerifiedEvent v) {
    Attested d = detail(v, Attested.class);
    boolean pass = d.getVerdict() == AttestationResult.PASS;
    return objectEvent(v, "OBSERVE", "inspecting", pass ? "conformant" : "non_conformant")
        .ext("attestationVerdict", d.getVerdict().name())
        .ext("measurementSha256", d.getMeasurementSha256())
        .ext("attestationCounter", d.getCounter())
        .ext("nonce", d.getNonce())
        .ext("attestationQuote", SignedOriginal.base64(d.getQuote()));
  }

  /**
   * Put into service at a customer: CBV {@code accepting}, not {@code commissioning} (the birth of
   * an identifier, which happened at assembly); no disposition ({@code active} means newly born).
   */
  private static EpcisEvent commissioned(VerifiedEvent v) {
    Commissioned d = detail(v, Commissioned.class);
    return objectEvent(v, "OBSERVE", "accepting", null)
        .party(
            "destinationList", "destination", "owning_party", Identifiers.party(d.getCustomer()));
  }

  private static EpcisEvent decommissioned(VerifiedEvent v) {
    Decommissioned d = detail(v, Decommissioned.class);
    return objectEvent(v, "DELETE", "decommissioning", "inactive").ext("reason", d.getReason());
  }

  private static String sha256(ByteBuffer bytes) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes.duplicate());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
