package io.sealtrail.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.junit.jupiter.api.Test;

/** The environment and flat keys read once into the log service's configuration. */
class LogConfigTest {
  private static final Map<String, String> ENV =
      Map.of(
          "BOOTSTRAP_SERVERS", "kafka-1:9092",
          "SCHEMA_REGISTRY_URL", "http://registry:8081",
          "SEALTRAIL_LOG_KEY_FILE", "/keys/log.key");

  @Test
  void shouldTakeTheDocumentedDefaultsWhenOnlyTheRequiredVariablesAreSet() {
    LogConfig read = LogConfig.fromEnvironment(ENV);

    assertThat(read.http().port()).isEqualTo(8084);
    assertThat(read.http().managementPort()).isEqualTo(9464);
    assertThat(read.http().tokenDir()).isEqualTo(Path.of("/etc/sealtrail/tokens"));
    assertThat(read.signing().origin()).isEqualTo("sealtrail/log");
    assertThat(read.signing().keyFile()).isEqualTo(Path.of("/keys/log.key"));
    assertThat(read.serdeConfig()).containsEntry("schema.registry.url", "http://registry:8081");
    assertThat(read.streams().properties())
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "sealtrail-log")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092")
        .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/sealtrail/log-service")
        .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "custody.log.dlq")
        .containsEntry(
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            LogAndFailProcessingExceptionHandler.class)
        .doesNotContainKey("schema.registry.url");
  }

  @Test
  void shouldSendUnreadableInputToTheRenamedDeadLetterTopicWhenItsTopicsVariableIsSet() {
    Map<String, String> env = new HashMap<>(ENV);
    env.put("SEALTRAIL_TOPICS_LOG_DLQ", "acme.log.dlq");

    LogConfig read = LogConfig.fromEnvironment(env);

    assertThat(read.topics().deadLetter()).isEqualTo("acme.log.dlq");
    assertThat(read.streams().properties())
        .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "acme.log.dlq");
  }

  @Test
  void shouldNameTheKeyWhenARequiredSettingIsMissing() {
    Map<String, String> flat = new HashMap<>(Map.of("bootstrap.servers", "kafka-1:9092"));
    flat.put("sealtrail.log.key-file", "/keys/log.key");

    assertThatThrownBy(() -> LogConfig.from(flat))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void shouldNameTheKeyWhenAPortIsNotANumber() {
    Map<String, String> env = new HashMap<>(ENV);
    env.put("SEALTRAIL_HTTP_PORT", "eighty");

    assertThatThrownBy(() -> LogConfig.fromEnvironment(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.http.port");
  }

  @Test
  void shouldReadWhereEvidenceSourcesAnswerAndDefaultToTheKubernetesServices() {
    Map<String, String> env = new HashMap<>(ENV);
    env.put("SEALTRAIL_EVIDENCE_CUSTODY_URL", "http://custody-stream-1:8082");

    LogConfig read = LogConfig.fromEnvironment(env);

    assertThat(read.evidence().custody()).isEqualTo(URI.create("http://custody-stream-1:8082"));
    assertThat(read.evidence().ingest()).isEqualTo(URI.create("http://ingest-service:8080"));
    assertThat(read.evidence().anomaly()).isEqualTo(URI.create("http://anomaly-service:8083"));
  }

  @Test
  void shouldNameTheKeyWhenAnEvidenceSourceIsNotAnHttpUrl() {
    Map<String, String> env = new HashMap<>(ENV);
    env.put("SEALTRAIL_EVIDENCE_ANOMALY_URL", "anomaly-service:8083");

    assertThatThrownBy(() -> LogConfig.fromEnvironment(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sealtrail.evidence.anomaly-url");
  }
}
