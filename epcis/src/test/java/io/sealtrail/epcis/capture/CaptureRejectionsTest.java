package io.sealtrail.epcis.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.epcis.Vocabulary;
import io.sealtrail.epcis.export.EpcisExporter;
import io.sealtrail.epcis.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What capture refuses, with which code and pointer; and that every event gets its outcome. The
 * events start as exports (which capture maps) and each carries one defect.
 */
class CaptureRejectionsTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final EpcisCapture capture = new EpcisCapture();

  @Test
  void shouldRejectTheDocumentWhenItIsNoEpcisDocument() {
    ObjectNode query = document(exported(EventType.SHIPPED)).put("type", "EPCISQueryDocument");
    ObjectNode noEvents = document();
    noEvents.remove("epcisBody");

    assertThat(documentRejection(JSON.arrayNode()))
        .isEqualTo(
            new Rejection(
                RejectionCode.MALFORMED_DOCUMENT, "", "an EPCIS document is a JSON object"));
    assertThat(documentRejection(query).pointer()).isEqualTo("/type");
    assertThat(documentRejection(noEvents).pointer()).isEqualTo("/epcisBody");
  }

  @Test
  void shouldPointAtEpcisBodyWhenTheDocumentHasNoEpcisBodyObject() {
    ObjectNode noBody = document(exported(EventType.SHIPPED));
    noBody.remove("epcisBody");
    ObjectNode textBody = document(exported(EventType.SHIPPED)).put("epcisBody", "events");
    ObjectNode noEventList = document(exported(EventType.SHIPPED));
    ((ObjectNode) noEventList.get("epcisBody")).remove("eventList");

    for (ObjectNode document : List.of(noBody, textBody)) {
      Rejection rejection = documentRejection(document);
      assertThat(rejection.code()).isEqualTo(RejectionCode.MALFORMED_DOCUMENT);
      assertThat(rejection.pointer()).isEqualTo("/epcisBody");
      assertThat(document.at(rejection.pointer()).isMissingNode())
          .isEqualTo(!document.has("epcisBody"));
    }
    assertThat(documentRejection(noEventList).pointer()).isEqualTo("/epcisBody/eventList");
  }

  @Test
  void shouldRejectTheDocumentWhenTheGs1ContextIsMissing() {
    ObjectNode document = document(exported(EventType.SHIPPED));
    ((ArrayNode) document.get("@context")).remove(0);

    assertThat(documentRejection(document).code()).isEqualTo(RejectionCode.MISSING_GS1_CONTEXT);
  }

  @Test
  void shouldRejectWithItsPointerWhenAnExtensionPrefixIsUndeclared() {
    ObjectNode event = exported(EventType.SHIPPED).put("acme:temperature", 4);

    assertThat(rejection(event))
        .isEqualTo(
            new Rejection(
                RejectionCode.UNDECLARED_EXTENSION_PREFIX,
                "/epcisBody/eventList/0/acme:temperature",
                "the prefix 'acme' is not declared in @context"));
  }

  @Test
  void shouldRejectWhenAPrefixNamesNoNamespace() {
    ObjectNode document = document(exported(EventType.SHIPPED).put("acme:temperature", 4));
    ((ObjectNode) document.get("@context").get(1)).put("acme", "https://acme.example/vocab");

    assertThat(rejections(document).get(0).code())
        .isEqualTo(RejectionCode.UNDECLARED_EXTENSION_PREFIX);
  }

  @Test
  void shouldReadSealtrailFieldsWhenThePartnerNamesTheNamespaceOtherwise() {
    ObjectNode event = rename(exported(EventType.SEAL_APPLIED), "st");
    ObjectNode document = document(event);
    ((ObjectNode) document.get("@context").get(1)).removeAll().put("st", Vocabulary.NAMESPACE);

    JsonNode custody = mapped(document).get(0);

    assertThat(custody.at("/detail/sealId").asText()).isEqualTo("SEAL-1");
    assertThat(custody.get("type").asText()).isEqualTo("SEAL_APPLIED");
  }

  @Test
  void shouldMapTheSameWhenCbvValuesAreWrittenAsUrnsOrWebUris() {
    ObjectNode urn =
        exported(EventType.SEAL_CHECKED).put("bizStep", "urn:epcglobal:cbv:bizstep:inspecting");
    urn.put("sealtrail:custodyEventId", "urn-form");
    ObjectNode web =
        exported(EventType.SEAL_CHECKED)
            .put("bizStep", "https://ref.gs1.org/cbv/BizStep-inspecting");
    web.put("disposition", "https://ref.gs1.org/cbv/Disp-container_open")
        .remove("sealtrail:sealIntact");

    List<JsonNode> custody = mapped(document(urn, web));

    assertThat(custody)
        .extracting(c -> c.get("type").asText())
        .containsExactly("SEAL_CHECKED", "SEAL_CHECKED");
    assertThat(custody.get(1).at("/detail/intact").booleanValue()).isFalse();
  }

  @Test
  void shouldRejectWithItsPointerWhenAnExpectedMeasurementIsNoString() {
    ObjectNode event = exported(EventType.FIRMWARE_RELEASED);
    ((ArrayNode) event.get("sealtrail:expectedMeasurements")).add(42);

    Rejection rejection = rejection(event);

    assertThat(rejection.code()).isEqualTo(RejectionCode.MALFORMED_EVENT);
    assertThat(rejection.pointer())
        .isEqualTo("/epcisBody/eventList/0/sealtrail:expectedMeasurements/2");
  }

  @Test
  void shouldRejectWhenExpectedMeasurementsAreNoArray() {
    ObjectNode event = exported(EventType.FIRMWARE_RELEASED);
    event.put("sealtrail:expectedMeasurements", "d".repeat(64));

    Rejection rejection = rejection(event);

    assertThat(rejection.code()).isEqualTo(RejectionCode.MALFORMED_EVENT);
    assertThat(rejection.pointer())
        .isEqualTo("/epcisBody/eventList/0/sealtrail:expectedMeasurements");
  }

  @Test
  void shouldRejectWithItsPointerWhenAnIdentifierIsNotSealtrails() {
    ObjectNode event = exported(EventType.SEAL_APPLIED);
    event.putArray("epcList").add("urn:epc:id:sscc:4012345.0000000042");

    Rejection rejection = rejection(event);

    assertThat(rejection.code()).isEqualTo(RejectionCode.FOREIGN_IDENTIFIER);
    assertThat(rejection.pointer()).isEqualTo("/epcisBody/eventList/0/epcList/0");
  }

  @Test
  void shouldRejectAtTheFieldWhenTheEventTypeHasNoSuchField() {
    ObjectNode event = exported(EventType.SHIPPED);
    event.putArray("epcList").add("https://id.sealtrail.example/serial/CTN-43");

    assertThat(rejection(event))
        .isEqualTo(
            new Rejection(
                RejectionCode.MALFORMED_EVENT,
                "/epcisBody/eventList/0/epcList",
                "is not a field of an AggregationEvent"));
  }

  @Test
  void shouldRejectWhenAnObjectEventNamesSeveralSerials() {
    ObjectNode event = exported(EventType.SEAL_APPLIED);
    ((ArrayNode) event.get("epcList")).add("https://id.sealtrail.example/serial/CTN-43");

    assertThat(rejection(event).code()).isEqualTo(RejectionCode.MULTIPLE_SUBJECTS);
  }

  @Test
  void shouldRejectWhenTheEventNamesAnotherPartner() {
    ObjectNode event = exported(EventType.SHIPPED).put("sealtrail:partnerId", "globex");

    assertThat(rejection(event))
        .isEqualTo(
            new Rejection(
                RejectionCode.PARTNER_MISMATCH,
                "/epcisBody/eventList/0/sealtrail:partnerId",
                "names partner 'globex' but is captured by 'acme'"));
  }

  @Test
  void shouldRejectEventTypesNoCustodyEventMeans() {
    ObjectNode transformation =
        JSON.objectNode()
            .put("type", "TransformationEvent")
            .put("eventTime", "2026-03-02T09:00:00Z")
            .put("eventTimeZoneOffset", "+00:00");
    ObjectNode corrected = exported(EventType.SHIPPED);
    corrected.putObject("errorDeclaration").put("declarationTime", "2026-03-02T09:00:00Z");

    assertThat(rejection(transformation).code()).isEqualTo(RejectionCode.UNSUPPORTED_EVENT_TYPE);
    assertThat(rejection(corrected).code()).isEqualTo(RejectionCode.UNSUPPORTED_ERROR_DECLARATION);
  }

  @Test
  void shouldRejectAtTheBusinessStepWhenNoCustodyEventHasIt() {
    ObjectNode event = exported(EventType.SEAL_CHECKED).put("bizStep", "storing");

    assertThat(rejection(event))
        .isEqualTo(
            new Rejection(
                RejectionCode.UNMAPPABLE_EVENT,
                "/epcisBody/eventList/0/bizStep",
                "no custody event type matches ObjectEvent OBSERVE with business step storing"));
  }

  @Test
  void shouldRejectAtTheMissingListWhenAShipmentHasNoDespatchAdvice() {
    ObjectNode event = exported(EventType.SHIPPED);
    event.remove("bizTransactionList");

    assertThat(rejection(event).code()).isEqualTo(RejectionCode.MISSING_FIELD);
    assertThat(rejection(event).pointer()).isEqualTo("/epcisBody/eventList/0/bizTransactionList");
  }

  @Test
  void shouldRejectWhenTheNamedCustodyTypeDisagreesWithTheStep() {
    ObjectNode event =
        exported(EventType.SEAL_CHECKED).put("sealtrail:custodyEventType", "SHIPPED");

    assertThat(rejection(event).code()).isEqualTo(RejectionCode.CONFLICTING_FIELDS);
  }

  @Test
  void shouldRejectWhenNoEventIdIsGiven() {
    ObjectNode event = exported(EventType.SHIPPED);
    event.remove("eventID");
    event.remove("sealtrail:custodyEventId");

    assertThat(rejection(event))
        .isEqualTo(
            new Rejection(
                RejectionCode.MISSING_EVENT_ID,
                "/epcisBody/eventList/0",
                "give sealtrail:custodyEventId or eventID, so a retry is recognised"));
  }

  @Test
  void shouldRejectTheSecondEventWhenTwoShareACustodyEventId() {
    ObjectNode document = document(exported(EventType.SHIPPED), exported(EventType.SHIPPED));

    List<EventOutcome> outcomes = outcomes(document);

    assertThat(outcomes.get(0)).isInstanceOf(EventOutcome.Mapped.class);
    assertThat(((EventOutcome.Rejected) outcomes.get(1)).rejection().code())
        .isEqualTo(RejectionCode.DUPLICATE_EVENT_ID);
  }

  @Test
  void shouldRejectTheAssemblyPartsWhenTheirDeviceIsNotCommissionedInTheDocument() {
    ObjectNode parts = exported(EventType.ASSEMBLED, 1);

    assertThat(rejection(parts).code()).isEqualTo(RejectionCode.UNPAIRED_ASSEMBLY);
  }

  @Test
  void shouldFoldPartsOnceAndRejectTheRepeatWhenADocumentRepeatsAnAssembly() {
    ObjectNode document =
        document(
            exported(EventType.ASSEMBLED, 0),
            exported(EventType.ASSEMBLED, 1),
            exported(EventType.ASSEMBLED, 0),
            exported(EventType.ASSEMBLED, 1));

    List<EventOutcome> outcomes = outcomes(document);

    assertThat(outcomes)
        .extracting(o -> o.getClass().getSimpleName())
        .containsExactly("Mapped", "Folded", "Rejected", "Rejected");
    assertThat(((EventOutcome.Mapped) outcomes.get(0)).custodyEvent().at("/detail/components"))
        .hasSize(3);
    assertThat(((EventOutcome.Rejected) outcomes.get(2)).rejection().code())
        .isEqualTo(RejectionCode.DUPLICATE_EVENT_ID);
    assertThat(((EventOutcome.Rejected) outcomes.get(3)).rejection().code())
        .isEqualTo(RejectionCode.UNPAIRED_ASSEMBLY);
  }

  @Test
  void shouldRejectAtTheChildWhenPartsDisagreeWithChildEpcs() {
    ObjectNode parts = exported(EventType.ASSEMBLED, 1);
    ((ArrayNode) parts.get("childEPCs"))
        .set(0, JSON.textNode("https://id.sealtrail.example/serial/CHIP-8"));

    List<EventOutcome> outcomes = outcomes(document(exported(EventType.ASSEMBLED, 0), parts));

    assertThat(((EventOutcome.Rejected) outcomes.get(1)).rejection())
        .isEqualTo(
            new Rejection(
                RejectionCode.CONFLICTING_FIELDS,
                "/epcisBody/eventList/1/childEPCs",
                "childEPCs [CHIP-8] are not the serialised parts [CHIP-7] of sealtrail:components"));
  }

  @Test
  void shouldAnswerEveryEventInOrderWhenSomeCannotBeMapped() {
    ObjectNode bad = exported(EventType.SHIPPED).put("bizStep", "storing");
    ObjectNode document =
        document(
            exported(EventType.PACKED),
            bad,
            exported(EventType.ASSEMBLED, 0),
            exported(EventType.ASSEMBLED, 1),
            JSON.textNode("not an event"));

    List<EventOutcome> outcomes = outcomes(document);

    assertThat(outcomes).extracting(EventOutcome::index).containsExactly(0, 1, 2, 3, 4);
    assertThat(outcomes)
        .extracting(o -> o.getClass().getSimpleName())
        .containsExactly("Mapped", "Rejected", "Mapped", "Folded", "Rejected");
  }

  private static ObjectNode exported(EventType type) {
    return exported(type, 0);
  }

  /** The {@code n}-th EPCIS event of the fixture of {@code type}, to be damaged. */
  private static ObjectNode exported(EventType type, int n) {
    var event =
        Fixtures.everyType().stream().filter(e -> e.getType() == type).findFirst().orElseThrow();
    return new EpcisExporter().events(Fixtures.verified(event)).get(n).deepCopy();
  }

  private static ObjectNode rename(ObjectNode event, String prefix) {
    ObjectNode renamed = JSON.objectNode();
    event
        .properties()
        .forEach(
            f ->
                renamed.set(
                    f.getKey().replace(Vocabulary.PREFIX + ":", prefix + ":"), f.getValue()));
    return renamed;
  }

  private static ObjectNode document(JsonNode... events) {
    ObjectNode document = JSON.objectNode();
    document.set("@context", Vocabulary.context());
    document
        .put("type", "EPCISDocument")
        .put("schemaVersion", "2.0")
        .put("creationDate", "2026-03-02T09:00:00Z");
    ArrayNode list = document.putObject("epcisBody").putArray("eventList");
    for (JsonNode event : events) {
      list.add(event);
    }
    return document;
  }

  private Rejection documentRejection(JsonNode document) {
    return ((CaptureReport.DocumentRejected) capture.map(document, "acme")).rejection();
  }

  private List<EventOutcome> outcomes(ObjectNode document) {
    return ((CaptureReport.Events) capture.map(document, "acme")).outcomes();
  }

  private List<Rejection> rejections(ObjectNode document) {
    return outcomes(document).stream().map(o -> ((EventOutcome.Rejected) o).rejection()).toList();
  }

  private Rejection rejection(ObjectNode event) {
    return rejections(document(event)).get(0);
  }

  private List<JsonNode> mapped(ObjectNode document) {
    return outcomes(document).stream()
        .map(o -> (JsonNode) ((EventOutcome.Mapped) o).custodyEvent())
        .toList();
  }
}
