package io.sealtrail.ingest.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the event payload reader: whatever a partner signed, reading answers
 * an event, MALFORMED_EVENT or SCHEMA_VIOLATION with the field, and never throws. Regression
 * corpus: EventReaderFuzzTestInputs/.
 */
class EventReaderFuzzTest {
  private final EventReader reader = new EventReader();

  @FuzzTest
  void shouldAnswerEventOrRejectionWithoutThrowingWhenGivenAnyPayload(byte[] payload) {
    EventReading reading = reader.read(payload);

    assertThat(reading).isNotNull();
    if (reading instanceof EventReading.Violation violation) {
      assertThat(violation.pointer()).startsWith("/");
    }
  }
}
