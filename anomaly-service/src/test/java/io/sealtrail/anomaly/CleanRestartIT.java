package io.sealtrail.anomaly;

import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sealtrail.anomaly.fixtures.AnomalyHarness;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.testing.EmbeddedKafka;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** A clean stop leaves clean state: the next start logs no error (no task found corrupted). */
class CleanRestartIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

  @Test
  void shouldLogNoErrorWhenStartingAgainAfterACleanStop() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    try (AnomalyHarness harness = new AnomalyHarness(KAFKA)) {
      PoisonPillIT.awaitRunning(harness);
      harness.send(violation(AlertType.SEAL_BROKEN, "DEV-1", T0).build());
      assertThat(harness.alerts(a -> !a.isEmpty(), Duration.ofSeconds(30))).hasSize(1);

      root.addAppender(log);
      harness.restart();
      PoisonPillIT.awaitRunning(harness);
      harness.send(violation(AlertType.SEAL_BROKEN, "DEV-2", T0).build());
      assertThat(harness.alerts(a -> a.size() >= 2, Duration.ofSeconds(30))).hasSize(2);
    } finally {
      root.detachAppender(log);
    }

    assertThat(log.list)
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains("TaskCorrupted") || m.contains("corrupted"));
  }
}
