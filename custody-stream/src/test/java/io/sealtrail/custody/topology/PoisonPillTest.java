package io.sealtrail.custody.topology;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.event.Packed;
import io.sealtrail.custody.fixtures.CustodyDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An event whose detail is not its type's, or that happened before 1970, goes to the dead-letter
 * topic once with its reason; the rest goes on.
 */
class PoisonPillTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant SCAN = ASSEMBLY.plus(Duration.ofHours(1));

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldDeadLetterEventOnceWhenDetailDoesNotMatchType() {
    custody.send(assembled(DEVICE, ASSEMBLY).withDetail(new Packed(List.of("X"))));

    custody.send(assembled(DEVICE, SCAN));

    assertThat(custody.deadLetters()).isEqualTo(1);
    assertThat(custody.state(DEVICE).getEventCount()).isEqualTo(1L);
    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldDeadLetterEventWithItsReasonWhenItHappenedBefore1970() {
    Instant before1970 = Instant.parse("1969-12-31T23:59:00Z");
    custody.send(assembled(DEVICE, ASSEMBLY));

    custody.send(scanned(DEVICE, before1970));
    custody.send(scanned(DEVICE, SCAN));

    assertThat(custody.deadLetterReasons())
        .singleElement()
        .satisfies(reason -> assertThat(reason).contains("scanned-" + DEVICE, "before 1970"));
    assertThat(custody.state(DEVICE).getEventCount()).isEqualTo(2L);
  }

  @Test
  void shouldDeadLetterEventBefore1970WhenItIsThePartitionsFirstRecord() {
    custody.send(scanned(DEVICE, Instant.parse("1960-01-01T00:00:00Z")));

    assertThat(custody.deadLetterReasons()).singleElement().asString().contains("before 1970");
    assertThat(custody.state(DEVICE)).isNull();
  }
}
