package io.sealtrail.trust.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the event header reader, which reads a payload before it is trusted
 * (to describe a rejection) and after. Regression corpus: EventHeadersFuzzTestInputs/.
 */
class EventHeadersFuzzTest {

  @FuzzTest
  void shouldParseOrRefuseWithMalformedEventWhenGivenAnyPayload(byte[] payload) {
    EventHeader header;
    try {
      header = EventHeaders.parse(payload);
    } catch (MalformedEventException e) {
      // The field at fault; "" is a field too (a duplicated "" key, JSON pointer "/").
      assertThat(e.field()).isNotNull();
      assertThat(EventHeaders.tryParse(payload)).isEmpty();
      return;
    }
    assertThat(header.eventId()).isNotBlank();
    assertThat(header.type()).isNotNull();
    assertThat(header.occurredAt()).isNotNull();
    assertThat(EventHeaders.tryParse(payload)).contains(header);
  }
}
