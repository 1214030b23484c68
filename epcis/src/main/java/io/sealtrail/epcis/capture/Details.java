package io.sealtrail.epcis.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.epcis.Vocabulary.Cbv;
import java.util.List;
import java.util.Set;

/**
 * The {@code detail} of the custody event an EPCIS event means, in the partner contract's field
 * names (the inverse of the export shapes). Values are carried as given; ingest checks them as it
 * checks any submission.
 */
final class Details {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> SOURCE_FIELDS = Set.of("type", "source");
  private static final Set<String> DESTINATION_FIELDS = Set.of("type", "destination");
  private static final Set<String> TRANSACTION_FIELDS = Set.of("type", "bizTransaction");

  private Details() {}

  /** The detail of {@code type}; the subject was read by the caller. */
  static ObjectNode of(EventType type, EventFields f, String disposition) {
    ObjectNode d = JSON.objectNode();
    switch (type) {
      case ASSEMBLED -> {
        EventFields ilmd = ilmd(f);
        d.put("product", ilmd.requiredExtText("product", "an assembly names its product in ilmd"));
        d.put(
            "bomRevision",
            ilmd.requiredExtText("bomRevision", "an assembly names its BOM revision in ilmd"));
        d.set("components", JSON.arrayNode()); // filled from the paired AssociationEvent
      }
      case KEY_PROVISIONED -> {
        d.put("publicKey", f.requiredExtText("devicePublicKey", "the device's public key"));
        d.put("keyAlg", f.requiredExtText("keyAlg", "the device key's algorithm"));
        f.extText("secureElement").ifPresent(v -> d.put("secureElement", v));
      }
      case FIRMWARE_RELEASED -> {
        firmware(f, d);
        f.extTexts("expectedMeasurements").ifPresent(m -> d.set("expectedMeasurements", m));
      }
      case FIRMWARE_FLASHED -> firmware(f, d);
      case FIRMWARE_WITHDRAWN -> {
        firmware(f, d);
        d.put("reason", f.requiredExtText("reason", "why the release was withdrawn"));
      }
      case SEAL_APPLIED -> d.put("sealId", f.requiredExtText("sealId", "the seal applied"));
      case SEAL_CHECKED -> {
        d.put("sealId", f.requiredExtText("sealId", "the seal checked"));
        d.put(
            "intact",
            f.extBoolean("sealIntact")
                .orElseGet(
                    () -> said(f, "sealIntact", disposition, "conformant", "container_open")));
      }
      case PACKED, UNPACKED -> d.set("contents", serials(Parts.childSerials(f)));
      case SHIPPED -> shipped(f, d);
      case RECEIVED -> received(f, d);
      case SCANNED -> scanned(f, d);
      case ATTESTED -> attested(f, d, disposition);
      case COMMISSIONED ->
          d.put("customer", party(f, "destinationList", "destination", "owning_party"));
      case DECOMMISSIONED ->
          d.put("reason", f.requiredExtText("reason", "why it was decommissioned"));
      case COMPONENT_RECEIVED -> throw new IllegalArgumentException("read with its subject");
    }
    return d;
  }

  private static void firmware(EventFields f, ObjectNode d) {
    d.put("product", f.requiredExtText("product", "the firmware's product"));
    d.put("version", f.requiredExtText("firmwareVersion", "the firmware version"));
    d.put("imageSha256", f.requiredExtText("firmwareImageSha256", "the image's SHA-256"));
  }

  private static void shipped(EventFields f, ObjectNode d) {
    d.put("shipmentId", shipment(f));
    d.put("toSite", party(f, "destinationList", "destination", "location"));
    d.set("manifest", serials(Parts.childSerials(f)));
    f.extText("sealId").ifPresent(v -> d.put("sealId", v));
  }

  private static void received(EventFields f, ObjectNode d) {
    d.put("shipmentId", shipment(f));
    d.put("fromSite", party(f, "sourceList", "source", "location"));
    d.set("scanned", serials(Parts.childSerials(f)));
    f.extText("sealId").ifPresent(v -> d.put("sealId", v));
    f.extBoolean("sealIntact").ifPresent(v -> d.put("sealIntact", v));
  }

  private static void scanned(EventFields f, ObjectNode d) {
    if (f.get("parentID").isPresent()) {
      d.set("components", Parts.of(f));
    } else if (f.ext("components").isPresent()) {
      d.set("components", Parts.of(f));
    }
  }

  private static void attested(EventFields f, ObjectNode d, String disposition) {
    d.put("nonce", f.requiredExtText("nonce", "the attestation nonce"));
    d.put("measurementSha256", f.requiredExtText("measurementSha256", "the measurement"));
    d.put(
        "counter",
        f.extLong("attestationCounter")
            .orElseThrow(
                () ->
                    EventFields.missing(f.extAt("attestationCounter"), "the attestation counter")));
    d.put("quote", f.requiredExtText("attestationQuote", "the device's signed quote"));
    d.put(
        "result",
        f.extText("attestationVerdict")
            .orElseGet(
                () ->
                    said(f, "attestationVerdict", disposition, "conformant", "non_conformant")
                        ? "PASS"
                        : "FAIL"));
  }

  /** A yes or no the disposition says, for an event without the extension that says it. */
  private static boolean said(
      EventFields f, String ext, String disposition, String yes, String no) {
    if (yes.equals(disposition) || no.equals(disposition)) {
      return yes.equals(disposition);
    }
    throw EventFields.missing(
        f.extAt(ext), "give " + ext + ", or disposition " + yes + " or " + no);
  }

  private static ArrayNode serials(List<String> serials) {
    ArrayNode list = JSON.arrayNode();
    serials.forEach(list::add);
    return list;
  }

  static EventFields ilmd(EventFields f) {
    JsonNode ilmd =
        f.get("ilmd")
            .orElseThrow(
                () ->
                    EventFields.missing(
                        f.at("ilmd"), "an assembly's product and BOM revision are its ilmd"));
    return f.object(ilmd, f.at("ilmd"), Set.of());
  }

  /** The shipment of a {@code desadv} (or {@code bol}) business transaction. */
  private static String shipment(EventFields f) {
    JsonNode list = f.get("bizTransactionList").orElse(JSON.arrayNode());
    for (int i = 0; i < list.size(); i++) {
      EventFields t =
          f.object(list.get(i), f.at("bizTransactionList") + "/" + i, TRANSACTION_FIELDS);
      String kind = t.text("type").flatMap(Cbv.BIZ_TRANSACTION_TYPE::word).orElse("");
      if (kind.equals("desadv") || kind.equals("bol")) {
        String uri = t.requiredText("bizTransaction", "the shipment");
        return PrivateIds.shipment(uri, t.at("bizTransaction"));
      }
    }
    throw EventFields.missing(
        f.at("bizTransactionList"), "a shipment is a desadv or bol business transaction");
  }

  /** The decoded party or site of the one {@code type} element of a source or destination list. */
  static String party(EventFields f, String list, String element, String type) {
    JsonNode items = f.get(list).orElse(JSON.arrayNode());
    if (!items.isArray()) {
      throw EventFields.malformed(f.at(list), "must be an array");
    }
    for (int i = 0; i < items.size(); i++) {
      String at = f.at(list) + "/" + i;
      EventFields item =
          f.object(items.get(i), at, element.equals("source") ? SOURCE_FIELDS : DESTINATION_FIELDS);
      String kind = item.text("type").flatMap(Cbv.SOURCE_DESTINATION_TYPE::word).orElse("");
      if (kind.equals(type)) {
        String uri = item.requiredText(element, "the " + type);
        return type.equals("location")
            ? PrivateIds.site(uri, item.at(element))
            : PrivateIds.party(uri, item.at(element));
      }
    }
    throw EventFields.missing(f.at(list), "needs a " + element + " of type " + type);
  }
}
