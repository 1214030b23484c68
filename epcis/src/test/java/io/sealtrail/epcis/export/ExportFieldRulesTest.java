package io.sealtrail.epcis.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.SealChecked;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.epcis.Vocabulary;
import io.sealtrail.epcis.testing.Fixtures;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The field rules of the EPCIS reference (§1-§5), checked on exports of every custody type. */
class ExportFieldRulesTest {
  private static final Set<String> CBV_BIZ_STEPS =
      Set.of(
          "commissioning",
          "decommissioning",
          "assembling",
          "inspecting",
          "packing",
          "unpacking",
          "shipping",
          "receiving",
          "accepting");
  private static final Set<String> CBV_DISPOSITIONS =
      Set.of(
          "active",
          "inactive",
          "in_progress",
          "in_transit",
          "container_closed",
          "container_open",
          "conformant",
          "non_conformant",
          "completeness_inferred");
  private final EpcisExporter exporter = new EpcisExporter();

  @Test
  void shouldDeclareTheSealtrailNamespaceAfterTheGs1ContextWhenExporting() {
    ObjectNode document = exporter.document(history(), Fixtures.T0);

    assertThat(document.get("@context").get(0).asText())
        .isEqualTo("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
    assertThat(document.get("@context").get(1).get("sealtrail").asText())
        .isEqualTo("https://sealtrail.example/epcis/")
        .endsWith("/");
    assertThat(document.get("type").asText()).isEqualTo("EPCISDocument");
    assertThat(document.get("schemaVersion").asText()).isEqualTo("2.0");
    assertThat(document.get("creationDate").asText()).isEqualTo("2026-03-02T09:04:12.345Z");
  }

  @Test
  void shouldWriteAnOffsetOfPlusZeroNotZWhenExportingUtcTimes() {
    for (JsonNode event : events()) {
      assertThat(event.get("eventTimeZoneOffset").asText()).isEqualTo("+00:00");
      assertThat(event.get("eventTime").asText()).isEqualTo("2026-03-02T09:04:12.345Z");
      assertThat(event.get("recordTime").asText()).isEqualTo("2026-03-02T09:04:13.000Z");
    }
  }

  @Test
  void shouldWriteCbvValuesAsBareWordsWhenExportingStandardSteps() {
    for (JsonNode event : events()) {
      if (event.has("bizStep")) {
        assertThat(event.get("bizStep").asText())
            .satisfiesAnyOf(
                step -> assertThat(CBV_BIZ_STEPS).contains(step),
                step -> assertThat(step).startsWith(Vocabulary.NAMESPACE + "BizStep-"));
      }
      if (event.has("disposition")) {
        assertThat(CBV_DISPOSITIONS).contains(event.get("disposition").asText());
      }
    }
  }

  @Test
  void shouldPrefixEveryExtensionWhenExporting() {
    Set<String> standard = Set.copyOf(Vocabulary.EVENT_FIELDS);
    for (JsonNode event : events()) {
      for (Iterator<String> it = event.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        assertThat(standard.contains(field) || field.startsWith("sealtrail:"))
            .as("field %s", field)
            .isTrue();
      }
      if (event.has("ilmd")) {
        event
            .get("ilmd")
            .fieldNames()
            .forEachRemaining(key -> assertThat(key).startsWith("sealtrail:"));
      }
    }
  }

  @Test
  void shouldPutIlmdOnlyOnObjectEventsThatAddWhenExporting() {
    for (JsonNode event : events()) {
      if (event.has("ilmd")) {
        assertThat(event.get("type").asText()).isEqualTo("ObjectEvent");
        assertThat(event.get("action").asText()).isEqualTo("ADD");
      }
    }
  }

  @Test
  void shouldGiveEveryAggregationAParentAndEveryAddAChildWhenExportingContainers() {
    List<JsonNode> aggregations =
        events().stream().filter(e -> e.get("type").asText().equals("AggregationEvent")).toList();

    assertThat(aggregations)
        .extracting(e -> e.get("bizStep").asText())
        .containsExactly("packing", "shipping", "unpacking");
    for (JsonNode aggregation : aggregations) {
      assertThat(aggregation.get("parentID").asText())
          .isEqualTo("https://id.sealtrail.example/serial/CTN-42");
      assertThat(aggregation.get("childEPCs")).isNotEmpty();
    }
  }

  @Test
  void shouldExportCommissioningAndAnAssociationNotATransformationWhenADeviceIsAssembled() {
    List<ObjectNode> assembly = exporter.events(Fixtures.verified(Fixtures.everyType().get(2)));

    assertThat(assembly).hasSize(2);
    ObjectNode born = assembly.get(0);
    assertThat(born.get("type").asText()).isEqualTo("ObjectEvent");
    assertThat(born.get("action").asText()).isEqualTo("ADD");
    assertThat(born.get("bizStep").asText()).isEqualTo("commissioning");
    assertThat(born.get("disposition").asText()).isEqualTo("active");
    assertThat(born.get("ilmd").toString())
        .isEqualTo("{\"sealtrail:product\":\"widget\",\"sealtrail:bomRevision\":\"B3\"}");
    ObjectNode parts = assembly.get(1);
    assertThat(parts.get("type").asText()).isEqualTo("AssociationEvent");
    assertThat(parts.get("action").asText()).isEqualTo("ADD");
    assertThat(parts.get("bizStep").asText()).isEqualTo("assembling");
    assertThat(parts.get("parentID").asText())
        .isEqualTo("https://id.sealtrail.example/serial/SN-0001");
    assertThat(parts.get("childEPCs").toString())
        .isEqualTo("[\"https://id.sealtrail.example/serial/CHIP-7\"]");
    assertThat(parts.get("childQuantityList").toString())
        .isEqualTo(
            "[{\"epcClass\":\"https://id.sealtrail.example/lot/PN-SCREW/L-9\",\"quantity\":2}]");
    assertThat(parts.has("ilmd")).isFalse();
    assertThat(parts.get("eventID").asText()).isNotEqualTo(born.get("eventID").asText());
  }

  @Test
  void shouldExportOnlyTheCommissioningWhenAnAssemblyHasNoParts() {
    CustodyEvent bare =
        Fixtures.event(EventType.ASSEMBLED, "SN-9", new Assembled("widget", "B3", List.of()));

    List<ObjectNode> assembly = exporter.events(Fixtures.verified(bare));

    assertThat(assembly)
        .singleElement()
        .satisfies(e -> assertThat(e.get("bizStep").asText()).isEqualTo("commissioning"));
  }

  @Test
  void shouldAcceptNotCommissionWhenADeviceIsPutIntoService() {
    JsonNode inService = only(EventType.COMMISSIONED);

    assertThat(inService.get("bizStep").asText()).isEqualTo("accepting");
    assertThat(inService.has("disposition")).isFalse();
    assertThat(inService.get("destinationList").toString())
        .isEqualTo(
            "[{\"type\":\"owning_party\",\"destination\":\"https://id.sealtrail.example/party/customer-9\"}]");
  }

  @Test
  void shouldDeleteAsInactiveWhenADeviceIsDecommissioned() {
    JsonNode decommissioned = only(EventType.DECOMMISSIONED);

    assertThat(decommissioned.get("action").asText()).isEqualTo("DELETE");
    assertThat(decommissioned.get("bizStep").asText()).isEqualTo("decommissioning");
    assertThat(decommissioned.get("disposition").asText()).isEqualTo("inactive");
    assertThat(decommissioned.get("sealtrail:reason").asText()).isEqualTo("end of life");
  }

  @Test
  void shouldInferCompletenessWhenAContainerArrivesSealedAndUnopened() {
    JsonNode received = only(EventType.RECEIVED);

    assertThat(received.get("type").asText()).isEqualTo("ObjectEvent");
    assertThat(received.has("childEPCs")).isFalse();
    assertThat(received.get("persistentDisposition").toString())
        .isEqualTo("{\"set\":[\"completeness_inferred\"]}");
    assertThat(received.get("bizTransactionList").toString())
        .isEqualTo(
            "[{\"type\":\"desadv\",\"bizTransaction\":\"https://id.sealtrail.example/shipment/SHP-1\"}]");
  }

  @Test
  void shouldListScannedChildrenAndInferNothingWhenAReceiptScansTheContents() {
    CustodyEvent scannedReceipt =
        Fixtures.event(
            EventType.RECEIVED,
            "CTN-42",
            new Received("SHP-1", "plant-1", List.of("SN-0001"), "SEAL-1", true));

    ObjectNode received = exporter.events(Fixtures.verified(scannedReceipt)).get(0);

    assertThat(received.get("type").asText()).isEqualTo("AggregationEvent");
    assertThat(received.get("action").asText()).isEqualTo("OBSERVE");
    assertThat(received.has("persistentDisposition")).isFalse();
  }

  @Test
  void shouldSayContainerOpenWhenASealIsFoundBrokenAndConformantWhenIntact() {
    CustodyEvent intact =
        Fixtures.event(EventType.SEAL_CHECKED, "CTN-42", new SealChecked("SEAL-1", true));

    assertThat(only(EventType.SEAL_CHECKED).get("disposition").asText())
        .isEqualTo("container_open");
    assertThat(exporter.events(Fixtures.verified(intact)).get(0).get("disposition").asText())
        .isEqualTo("conformant");
  }

  @Test
  void shouldUseSealtrailBizStepsWhenProvisioningKeysAndFlashingFirmware() {
    assertThat(only(EventType.KEY_PROVISIONED).get("bizStep").asText())
        .isEqualTo("https://sealtrail.example/epcis/BizStep-key_provisioning");
    assertThat(only(EventType.FIRMWARE_FLASHED).get("bizStep").asText())
        .isEqualTo("https://sealtrail.example/epcis/BizStep-firmware_flashing");
    assertThat(only(EventType.FIRMWARE_RELEASED).get("quantityList").toString())
        .isEqualTo("[{\"epcClass\":\"https://id.sealtrail.example/product/widget\"}]");
  }

  @Test
  void shouldExportAWithdrawalAtClassLevelWithItsReasonWhenAReleaseIsWithdrawn() {
    JsonNode withdrawn = only(EventType.FIRMWARE_WITHDRAWN);

    assertThat(withdrawn.get("bizStep").asText())
        .isEqualTo("https://sealtrail.example/epcis/BizStep-firmware_withdrawing");
    assertThat(withdrawn.get("quantityList").toString())
        .isEqualTo("[{\"epcClass\":\"https://id.sealtrail.example/product/widget\"}]");
    assertThat(withdrawn.get("sealtrail:firmwareImageSha256").asText()).isEqualTo("c".repeat(64));
    assertThat(withdrawn.get("sealtrail:reason").asText()).isEqualTo("CVE-2026-0001");
  }

  @Test
  void shouldListTheReleasesExpectedMeasurementsWhenExportingARelease() {
    assertThat(only(EventType.FIRMWARE_RELEASED).get("sealtrail:expectedMeasurements").toString())
        .isEqualTo("[\"" + "d".repeat(64) + "\",\"" + "e".repeat(64) + "\"]");
  }

  @Test
  void shouldLinkEveryEventToItsSignedOriginalWhenExporting() {
    for (VerifiedEvent verified : history()) {
      for (ObjectNode event : exporter.events(verified)) {
        JsonNode envelope = event.get("sealtrail:envelope");
        byte[] payload = Base64.getDecoder().decode(envelope.get("sealtrail:payload").asText());

        assertThat(Fixtures.sha256(payload))
            .isEqualTo(event.get("sealtrail:payloadSha256").asText());
        assertThat(event.get("eventID").asText())
            .startsWith("https://id.sealtrail.example/event/" + verified.getPayloadSha256());
        assertThat(event.get("sealtrail:signerKeyIds").toString())
            .isEqualTo("[\"" + Fixtures.KEY_ID + "\"]");
        assertThat(event.get("sealtrail:custodyEventId").asText())
            .isEqualTo(verified.getEvent().getEventId());
      }
    }
  }

  @Test
  void shouldNameEachCustodyEventWhenSeveralShareOneCapturedPayload() {
    // Events captured from one EPCIS document share its envelope, so its payload's hash.
    VerifiedEvent first =
        captured(Fixtures.event(EventType.SEAL_CHECKED, "SN-1", new SealChecked("S", true)));
    CustodyEvent other = Fixtures.event(EventType.SEAL_CHECKED, "SN-2", new SealChecked("S", true));
    other.setEventId("ev/2");
    VerifiedEvent second = captured(other);
    second.setPayloadSha256(first.getPayloadSha256());

    String a = exporter.events(first).get(0).get("eventID").asText();
    String b = exporter.events(second).get(0).get("eventID").asText();

    assertThat(a).isNotEqualTo(b);
    assertThat(b)
        .isEqualTo(
            "https://id.sealtrail.example/event/"
                + first.getPayloadSha256()
                + "/"
                + other.getPartnerId()
                + "/ev%2F2");
  }

  private static VerifiedEvent captured(CustodyEvent event) {
    VerifiedEvent verified = Fixtures.verified(event);
    verified.getEnvelope().setPayloadType("application/vnd.sealtrail.epcis+json");
    return verified;
  }

  @Test
  void shouldMintNoGs1KeyAndEncodeEverySerialWhenExporting() {
    CustodyEvent odd =
        Fixtures.event(EventType.SEAL_CHECKED, "SN 1/2%é", new SealChecked("S", true));

    String text = exporter.document(List.of(Fixtures.verified(odd)), Fixtures.T0).toString();

    assertThat(text).doesNotContain("urn:epc:").doesNotContain("id.gs1.org");
    assertThat(text).contains("\"https://id.sealtrail.example/serial/SN%201%2F2%25%C3%A9\"");
  }

  private static List<VerifiedEvent> history() {
    return Fixtures.everyType().stream().map(Fixtures::verified).toList();
  }

  private List<JsonNode> events() {
    return StreamSupport.stream(
            exporter.document(history(), Fixtures.T0).at("/epcisBody/eventList").spliterator(),
            false)
        .toList();
  }

  private JsonNode only(EventType type) {
    return exporter
        .events(
            Fixtures.verified(
                Fixtures.everyType().stream()
                    .filter(e -> e.getType() == type)
                    .findFirst()
                    .orElseThrow()))
        .get(0);
  }
}
