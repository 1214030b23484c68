package io.sealtrail.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.epcis.capture.EpcisCapture;
import io.sealtrail.epcis.export.EpcisExporter;
import io.sealtrail.epcis.testing.CustodyArbitraries;
import io.sealtrail.epcis.testing.Fixtures;
import io.sealtrail.epcis.testing.PartnerJson;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Export and capture are inverses: an exported history of any custody events, captured back by the
 * partner that signed them, gives exactly the JSON they signed.
 */
class RoundTripPropertiesTest {
  private final EpcisExporter exporter = new EpcisExporter();
  private final EpcisCapture capture = new EpcisCapture();

  @Property(tries = 100)
  void shouldCaptureTheSignedEventsWhenAnyExportedHistoryIsCapturedBack(
      @ForAll("histories") List<CustodyEvent> events) {
    var document =
        exporter.document(events.stream().map(Fixtures::verified).toList(), Instant.EPOCH);

    var report = capture.map(document, events.get(0).getPartnerId());

    assertThat(RoundTripTest.mapped(report))
        .containsExactlyElementsOf(events.stream().map(e -> (JsonNode) PartnerJson.of(e)).toList());
  }

  @Property(tries = 50)
  void shouldWriteTheSameBytesWhenTheSameHistoryIsExportedTwice(
      @ForAll("histories") List<CustodyEvent> events) {
    var history = events.stream().map(Fixtures::verified).toList();

    String first = exporter.document(history, Instant.EPOCH).toString();
    String second = exporter.document(history, Instant.EPOCH).toString();

    assertThat(second).isEqualTo(first);
  }

  @Provide
  Arbitrary<List<CustodyEvent>> histories() {
    return CustodyArbitraries.histories();
  }
}
