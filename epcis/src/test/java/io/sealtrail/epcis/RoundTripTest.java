package io.sealtrail.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.epcis.capture.CaptureReport;
import io.sealtrail.epcis.capture.EpcisCapture;
import io.sealtrail.epcis.capture.EventOutcome;
import io.sealtrail.epcis.export.EpcisExporter;
import io.sealtrail.epcis.testing.Fixtures;
import io.sealtrail.epcis.testing.PartnerJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripTest {
  private final EpcisExporter exporter = new EpcisExporter();
  private final EpcisCapture capture = new EpcisCapture();

  @Test
  void shouldCaptureTheSignedEventsWhenAnExportOfEveryTypeIsCapturedBack() {
    List<CustodyEvent> events = Fixtures.everyType();
    List<VerifiedEvent> history = events.stream().map(Fixtures::verified).toList();

    ObjectNode document = exporter.document(history, Instant.EPOCH);
    CaptureReport report = capture.map(document, "acme");

    assertThat(mapped(report))
        .containsExactlyElementsOf(events.stream().map(e -> (JsonNode) PartnerJson.of(e)).toList());
  }

  static List<JsonNode> mapped(CaptureReport report) {
    assertThat(report).isInstanceOf(CaptureReport.Events.class);
    List<EventOutcome> outcomes = ((CaptureReport.Events) report).outcomes();
    assertThat(outcomes).noneMatch(o -> o instanceof EventOutcome.Rejected);
    return outcomes.stream()
        .filter(o -> o instanceof EventOutcome.Mapped)
        .map(o -> (JsonNode) ((EventOutcome.Mapped) o).custodyEvent())
        .toList();
  }
}
