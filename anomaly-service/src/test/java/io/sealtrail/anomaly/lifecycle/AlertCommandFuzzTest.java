package io.sealtrail.anomaly.lifecycle;

import static io.sealtrail.anomaly.fixtures.ViolationFixture.violation;
import static io.sealtrail.avro.common.AlertType.SEAL_BROKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import io.sealtrail.avro.alert.AlertCommand;
import io.sealtrail.avro.alert.AlertStatus;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the alert command wire format (the {@code AlertCommand} Avro record in
 * the Confluent wire format): whatever is written to {@code custody.alert-commands} (by the API, by
 * hand with a console producer, or in the tab-separated format before the schema), it is read as a
 * command or refused as unreadable, a bad command changes nothing, and nothing stops the anomaly
 * service. Regression corpus: AlertCommandFuzzTestInputs/ (the byte inputs are Avro bodies, sent
 * after the registered schema's wire header).
 */
class AlertCommandFuzzTest {
  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final String ALERT = "SEAL_BROKEN:DEV-1@" + T0.toEpochMilli();

  private static AnomalyDriver driver;
  private static byte[] header;

  @BeforeAll
  static void openAnAlert() {
    driver = new AnomalyDriver();
    driver.send(violation(SEAL_BROKEN, "DEV-1", T0)).alerts();
    AlertCommand any = AlertCommands.to(ALERT, AlertStatus.ACKNOWLEDGED, null, null);
    // Magic byte and schema id: what every command the API writes starts with.
    header = Arrays.copyOf(driver.encoded(any), 5);
  }

  @AfterAll
  static void close() {
    driver.close();
  }

  @FuzzTest
  void shouldDecodeOrRefuseAndEncodeBackWhenGivenAnyCommandBytes(byte[] body) {
    AlertCommand read;
    try {
      read = driver.decoded(wire(body));
    } catch (SerializationException refused) {
      return; // what the deserialization handler logs and skips: the specific error, no other
    }

    // What was read is a command the API could have written, and reads back as itself.
    assertThat(read).isNotNull();
    assertThat(read.getAlertId()).isNotNull();
    assertThat(read.getAction()).isNotNull();
    assertThat(driver.decoded(driver.encoded(read))).isEqualTo(read);
  }

  @FuzzTest
  void shouldNeverStopTheTopologyWhenGivenAnyCommandRecord(FuzzedDataProvider data) {
    String key =
        switch (data.consumeInt(0, 2)) {
          case 0 -> ALERT;
          case 1 -> null;
          default -> data.consumeString(60);
        };
    byte[] value =
        switch (data.consumeInt(0, 2)) {
          case 0 -> null;
          case 1 -> wire(data.consumeRemainingAsBytes());
          default -> data.consumeRemainingAsBytes();
        };

    driver.rawCommand(key, value, T0.plusSeconds(60));

    assertThat(driver.alerts()).allSatisfy(kv -> assertThat(kv.key).isEqualTo(ALERT));
  }

  private static byte[] wire(byte[] body) {
    byte[] wire = Arrays.copyOf(header, header.length + body.length);
    System.arraycopy(body, 0, wire, header.length, body.length);
    return wire;
  }
}
