package io.sealtrail.trust.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sealtrail.trust.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EventHeadersTest {

  @Test
  void shouldReadTheCommonFields() {
    EventHeader header = parse(Fixtures.event("SHIPPED", "acme", "plant-1"));

    assertThat(header)
        .isEqualTo(
            new EventHeader(
                "ev-1",
                EventType.SHIPPED,
                Instant.parse("2026-03-01T07:59:00Z"),
                "acme",
                "plant-1",
                "st-4",
                "SN-0001"));
  }

  @Test
  void shouldReadAnEventWithoutStation() {
    EventHeader header =
        parse(Fixtures.event("SHIPPED", "acme", "plant-1").replace("\"station\":\"st-4\",", ""));

    assertThat(header.station()).isNull();
  }

  @Test
  void shouldNameOccurredAtWhenItIsNotAnInstant() {
    String json =
        Fixtures.event("SHIPPED", "acme", "plant-1").replace("2026-03-01T07:59:00Z", "yesterday");

    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(
            MalformedEventException.class, e -> assertThat(e.field()).isEqualTo("occurredAt"));
  }

  @Test
  void shouldNamePartnerIdWhenItIsNotAString() {
    String json = Fixtures.event("SHIPPED", "acme", "plant-1").replace("\"acme\"", "42");

    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(
            MalformedEventException.class, e -> assertThat(e.field()).isEqualTo("partnerId"));
  }

  @Property(tries = 1000)
  void shouldReadOrNameTheDefectWhateverBytesArrive(@ForAll byte[] payload) {
    Throwable thrown = catchThrowable(() -> EventHeaders.parse(payload));

    if (thrown != null) {
      assertThat(thrown).isInstanceOf(MalformedEventException.class);
    }
  }

  private static EventHeader parse(String json) {
    return EventHeaders.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
