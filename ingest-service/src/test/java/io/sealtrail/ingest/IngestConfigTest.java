package io.sealtrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.platform.auth.AuthSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading an instance's configuration, from flat keys or a container's environment: documented
 * defaults, required keys, client pass-through, and errors that name the key.
 */
class IngestConfigTest {
  private static final Map<String, String> MINIMAL =
      Map.of(
          "bootstrap.servers", "kafka:9092",
          "schema.registry.url", "http://registry:8081",
          "sealtrail.ingest.instance-id", "pod-0");
  private static final Map<String, String> REQUIRED_ENV =
      Map.of("BOOTSTRAP_SERVERS", "kafka-1:9092", "SCHEMA_REGISTRY_URL", "http://registry:8081");

  @Test
  void shouldApplyTheDocumentedDefaultsWhenOnlyRequiredKeysAreGiven() {
    IngestConfig config = IngestConfig.from(MINIMAL);

    assertThat(config.clockSkew()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.maxEventAge()).isEqualTo(Duration.ofDays(30));
    assertThat(config.dedupWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(config.kafkaTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.replyTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.groupPrefix()).isEqualTo("sealtrail-ingest");
    assertThat(config.topics().submissions()).isEqualTo("custody.ingest.submissions");
    assertThat(config.topics().dedup()).isEqualTo("custody.ingest.dedup");
    assertThat(config.topics().partitions()).isEqualTo(6);
    assertThat(config.topics().replicationFactor()).isEqualTo((short) 3);
    assertThat(config.clientOverrides()).isEmpty();
    assertThat(config.http())
        .isEqualTo(
            new IngestConfig.Http(
                "0.0.0.0",
                8080,
                9464,
                Path.of("/etc/sealtrail/tokens"),
                5 * 1024 * 1024,
                500,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                AuthSettings.defaults()));
    assertThat(config.outcomeRetention()).isEqualTo(Duration.ofDays(90));
    assertThat(config.topics().outcomes()).isEqualTo("custody.outcomes");
  }

  @Test
  void shouldBoundTransactionsAndVerifyOnAPoolByDefault() {
    IngestConfig.Pipeline pipeline = IngestConfig.from(MINIMAL).pipeline();

    assertThat(pipeline.transactionMaxRecords()).isEqualTo(2000);
    assertThat(pipeline.transactionMaxDelay()).isEqualTo(Duration.ofMillis(20));
    assertThat(pipeline.verifyThreads())
        .isEqualTo(Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void shouldReadThePipelineSettingsAndNameTheOneThatIsWrong() {
    var flat = new java.util.HashMap<>(MINIMAL);
    flat.put("sealtrail.ingest.transaction-max-records", "50");
    flat.put("sealtrail.ingest.transaction-max-delay", "PT0S");
    flat.put("sealtrail.ingest.verify-threads", "0");

    assertThat(IngestConfig.from(flat).pipeline())
        .isEqualTo(new IngestConfig.Pipeline(50, Duration.ZERO, 0));
    flat.put("sealtrail.ingest.transaction-max-delay", "PT10S");
    assertThatThrownBy(() -> IngestConfig.from(flat))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.ingest.transaction-max-delay");
    flat.put("sealtrail.ingest.transaction-max-delay", "PT0.01S");
    flat.put("sealtrail.ingest.transaction-max-records", "0");
    assertThatThrownBy(() -> IngestConfig.from(flat))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.ingest.transaction-max-records");
  }

  @Test
  void shouldRefuseAnOutcomeRetentionNotBeyondTheEventAgeAndClockSkew() {
    var given = new HashMap<>(MINIMAL);
    given.put("sealtrail.ingest.outcome-retention", "P30D");

    assertThatThrownBy(() -> IngestConfig.from(given))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.ingest.outcome-retention");
  }

  @Test
  void shouldPassUnknownKeysToTheClientsWhenTheyAreNotIngestSettings() {
    var given = new HashMap<>(MINIMAL);
    given.put("security.protocol", "SASL_SSL");
    given.put("sealtrail.ingest.dedup-window", "PT24H");
    given.put("sealtrail.http.max-batch-size", "7");

    IngestConfig config = IngestConfig.from(given);

    assertThat(config.clientOverrides())
        .containsExactly(Map.entry("security.protocol", "SASL_SSL"));
    assertThat(config.dedupWindow()).isEqualTo(Duration.ofHours(24));
    assertThat(config.http().maxBatchSize()).isEqualTo(7);
  }

  @Test
  void shouldReadTopicNamesUnderTheOneSpellingOfTopicKeys() {
    var given = new HashMap<>(MINIMAL);
    given.put("sealtrail.topics.events", "test.events");
    given.put("sealtrail.topics.partitions", "12");

    IngestConfig config = IngestConfig.from(given);

    assertThat(config.topics().events()).isEqualTo("test.events");
    assertThat(config.topics().inbound()).isEqualTo("custody.inbound");
    assertThat(config.topics().partitions()).isEqualTo(12);
  }

  @Test
  void shouldRefuseConfigurationWhenTheInstanceIdIsMissing() {
    Map<String, String> given =
        Map.of("bootstrap.servers", "kafka:9092", "schema.registry.url", "http://registry:8081");

    assertThatThrownBy(() -> IngestConfig.from(given))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.ingest.instance-id");
  }

  @Test
  void shouldNameTheKeyWhenAValueCannotBeRead() {
    var badDuration = new HashMap<>(MINIMAL);
    badDuration.put("sealtrail.ingest.clock-skew", "5 minutes");
    var badNumber = new HashMap<>(MINIMAL);
    badNumber.put("sealtrail.topics.partitions", "six");
    var badLimit = new HashMap<>(MINIMAL);
    badLimit.put("sealtrail.http.max-body-bytes", "0");

    assertThatThrownBy(() -> IngestConfig.from(badDuration))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.ingest.clock-skew");
    assertThatThrownBy(() -> IngestConfig.from(badNumber))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.topics.partitions");
    assertThatThrownBy(() -> IngestConfig.from(badLimit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.http.max-body-bytes");
  }

  @Test
  void shouldNameTheInstanceAfterThePodWhenNoInstanceIdIsGiven() {
    IngestConfig config =
        IngestConfig.fromEnvironment(with(REQUIRED_ENV, "HOSTNAME", "ingest-service-1"));

    assertThat(config.instanceId()).isEqualTo("ingest-service-1");
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.http().tokensDir()).isEqualTo(Path.of("/etc/sealtrail/tokens"));
  }

  @Test
  void shouldPreferTheInstanceIdWhenBothItAndTheHostnameAreSet() {
    Map<String, String> env =
        with(
            with(REQUIRED_ENV, "HOSTNAME", "ingest-service-1"),
            "SEALTRAIL_INGEST_INSTANCE_ID",
            "ingest-a");

    assertThat(IngestConfig.fromEnvironment(env).instanceId()).isEqualTo("ingest-a");
  }

  @Test
  void shouldPassKafkaClientSettingsToTheClientsButNeitherHttpNorRegistryKeys() {
    Map<String, String> env =
        with(
            with(
                with(REQUIRED_ENV, "HOSTNAME", "ingest-service-1"),
                "KAFKA_CLIENT_SECURITY_PROTOCOL",
                "SASL_SSL"),
            "SEALTRAIL_HTTP_PORT",
            "9090");

    IngestConfig config = IngestConfig.fromEnvironment(env);

    assertThat(config.http().port()).isEqualTo(9090);
    assertThat(config.clientOverrides())
        .containsEntry("security.protocol", "SASL_SSL")
        .doesNotContainKeys("sealtrail.http.port", "schema.registry.url");
    assertThat(config.serdeConfig()).containsEntry("schema.registry.url", "http://registry:8081");
  }

  private static Map<String, String> with(Map<String, String> env, String key, String value) {
    var more = new HashMap<>(env);
    more.put(key, value);
    return more;
  }
}
