package io.sealtrail.epcis.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * Coverage-guided fuzzing of EPCIS capture: whatever bytes a partner sends, reading them as JSON
 * answers a tree or Jackson's own refusal, and mapping the tree never throws. It answers the
 * document's rejection or exactly one outcome per event of {@code epcisBody.eventList}, in order;
 * every rejection has a code and a JSON pointer that names a place in the document (a value there,
 * or the missing member of an object there). Regression corpus: EpcisCaptureFuzzTestInputs/.
 */
class EpcisCaptureFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final EpcisCapture capture = new EpcisCapture();

  @FuzzTest
  void shouldAnswerOneOutcomePerEventWithoutThrowingWhenGivenAnyDocumentBytes(byte[] bytes) {
    JsonNode document;
    try {
      document = JSON.readTree(bytes);
    } catch (IOException notJson) {
      return; // the reading step's refusal: the route answers 400 before capture sees anything
    }

    CaptureReport report = capture.map(document, "acme");

    assertThat(report).isNotNull();
    if (report instanceof CaptureReport.DocumentRejected rejected) {
      assertNamesAPlaceIn(document, rejected.rejection());
      return;
    }
    List<EventOutcome> outcomes = ((CaptureReport.Events) report).outcomes();
    JsonNode events = document.at(EpcisCapture.EVENT_LIST);
    assertThat(outcomes).hasSize(events.size());
    for (int i = 0; i < outcomes.size(); i++) {
      EventOutcome outcome = outcomes.get(i);
      assertThat(outcome).isNotNull();
      assertThat(outcome.index()).isEqualTo(i);
      if (outcome instanceof EventOutcome.Mapped mapped) {
        assertThat(mapped.custodyEvent()).isNotNull();
      } else if (outcome instanceof EventOutcome.Folded folded) {
        int into = Integer.parseInt(folded.into().substring(EpcisCapture.EVENT_LIST.length() + 1));
        assertThat(outcomes.get(into)).isInstanceOf(EventOutcome.Mapped.class);
      } else {
        Rejection rejection = ((EventOutcome.Rejected) outcome).rejection();
        assertThat(rejection.pointer()).startsWith(outcome.pointer());
        assertNamesAPlaceIn(document, rejection);
      }
    }
  }

  private static void assertNamesAPlaceIn(JsonNode document, Rejection rejection) {
    assertThat(rejection.code()).isNotNull();
    assertThat(rejection.message()).isNotBlank();
    JsonPointer pointer = JsonPointer.compile(rejection.pointer());
    if (pointer.matches() || !document.at(pointer).isMissingNode()) {
      return;
    }
    JsonNode parent = document.at(pointer.head());
    assertThat(parent.isObject())
        .as("%s: %s resolves, or its parent is an object", rejection, rejection.pointer())
        .isTrue();
    assertThat(parent.has(pointer.last().getMatchingProperty()))
        .as("%s names the member itself", rejection)
        .isFalse();
  }
}
