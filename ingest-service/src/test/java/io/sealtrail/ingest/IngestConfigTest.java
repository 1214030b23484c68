package io.sealtrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading an instance's configuration: documented defaults, required keys, client pass-through. */
class IngestConfigTest {
  private static final Map<String, String> MINIMAL =
      Map.of("bootstrap.servers", "kafka:9092", "sealtrail.ingest.instance-id", "pod-0");

  @Test
  void shouldApplyTheDocumentedDefaultsWhenOnlyRequiredKeysAreGiven() {
    IngestConfig config = IngestConfig.fromConfig(MINIMAL);

    assertThat(config.clockSkew()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.dedupWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(config.topics().submissions()).isEqualTo("custody.ingest.submissions");
    assertThat(config.topics().dedup()).isEqualTo("custody.ingest.dedup");
    assertThat(config.clientOverrides()).isEmpty();
  }

  @Test
  void shouldPassUnknownKeysToTheClientsWhenTheyAreNotIngestSettings() {
    var given = new HashMap<>(MINIMAL);
    given.put("security.protocol", "SASL_SSL");
    given.put("sealtrail.ingest.dedup-window", "PT24H");

    IngestConfig config = IngestConfig.fromConfig(given);

    assertThat(config.clientOverrides())
        .containsExactly(Map.entry("security.protocol", "SASL_SSL"));
    assertThat(config.dedupWindow()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void shouldRefuseConfigurationWhenTheInstanceIdIsMissing() {
    Map<String, String> given = Map.of("bootstrap.servers", "kafka:9092");

    assertThatThrownBy(() -> IngestConfig.fromConfig(given))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.ingest.instance-id");
  }
}
