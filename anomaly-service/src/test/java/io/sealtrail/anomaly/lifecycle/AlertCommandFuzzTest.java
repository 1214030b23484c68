package io.sealtrail.anomaly.lifecycle;

import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static io.sealtrail.avro.common.AlertType.SEAL_BROKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the alert command format: whatever is written to {@code
 * custody.alert-commands} (by the API or by hand with a console producer), a bad command changes
 * nothing and never stops the anomaly service. Regression corpus: AlertCommandFuzzTestInputs/.
 */
class AlertCommandFuzzTest {
  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final String ALERT = "SEAL_BROKEN:DEV-1@" + T0.toEpochMilli();

  private static AnomalyDriver driver;

  @BeforeAll
  static void openAnAlert() {
    driver = new AnomalyDriver();
    driver.send(violation(SEAL_BROKEN, "DEV-1", T0)).alerts();
  }

  @AfterAll
  static void close() {
    driver.close();
  }

  @FuzzTest
  void shouldParseOrIgnoreAndFormatBackWhenGivenAnyCommandText(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);

    Optional<AlertCommand> command = AlertCommand.parse(text);

    if (command.isPresent()) {
      AlertCommand read = command.get();
      // What is sent as format() reads back as the same command (who loses tabs and breaks).
      AlertCommand again = AlertCommand.parse(read.format()).orElseThrow();
      assertThat(again.target()).isEqualTo(read.target());
      assertThat(again.note()).isEqualTo(read.note());
      assertThat(again.by()).isEqualTo(cleaned(read.by()));
    }
  }

  @FuzzTest
  void shouldNeverStopTheTopologyWhenGivenAnyCommandRecord(FuzzedDataProvider data) {
    String key =
        switch (data.consumeInt(0, 2)) {
          case 0 -> ALERT;
          case 1 -> null;
          default -> data.consumeString(60);
        };
    String value = data.consumeBoolean() ? null : data.consumeRemainingAsString();

    driver.command(key, value, T0.plusSeconds(60));

    assertThat(driver.alerts()).allSatisfy(kv -> assertThat(kv.key).isEqualTo(ALERT));
  }

  private static String cleaned(String by) {
    String cleaned = by == null ? null : by.replaceAll("[\\t\\r\\n]", " ");
    return cleaned == null || cleaned.isBlank() ? null : cleaned;
  }
}
