package io.sealtrail.trust.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sealtrail.avro.common.EventType;
import io.sealtrail.trust.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
  void shouldNameOccurredAtWhenItHasAnOffsetOtherThanUtc() {
    String json =
        Fixtures.event("SHIPPED", "acme", "plant-1")
            .replace("2026-03-01T07:59:00Z", "2026-03-01T08:59:00+01:00");

    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(
            MalformedEventException.class, e -> assertThat(e.field()).isEqualTo("occurredAt"))
        .hasMessageContaining("not in UTC");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-31T23:59:60Z",
        "2026-03-01T24:00:00Z",
        "+10000-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z",
        "2026-02-30T00:00:00Z",
        "2026-3-01T07:59:00Z",
        "2026-03-01t07:59:00z"
      })
  void shouldRejectMalformedEventWhenOccurredAtIsNotAStrictRfc3339Instant(String occurredAt) {
    String json =
        Fixtures.event("SHIPPED", "acme", "plant-1").replace("2026-03-01T07:59:00Z", occurredAt);

    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(
            MalformedEventException.class, e -> assertThat(e.field()).isEqualTo("occurredAt"));
  }

  @Test
  void shouldReadAnOccurredAtWithAZeroOffset() {
    String json =
        Fixtures.event("SHIPPED", "acme", "plant-1")
            .replace("2026-03-01T07:59:00Z", "2026-03-01T07:59:00+00:00");

    assertThat(parse(json).occurredAt()).isEqualTo(Instant.parse("2026-03-01T07:59:00Z"));
  }

  @Test
  void shouldNameADuplicatedFieldInsideTheDetail() {
    String json =
        Fixtures.event("SHIPPED", "acme", "plant-1")
            .replace("\"detail\":{}", "\"detail\":{\"sealId\":\"a\",\"sealId\":\"b\"}");

    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(
            MalformedEventException.class, e -> assertThat(e.field()).isEqualTo("detail/sealId"));
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
