package io.sealtrail.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.ingest.IngestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Kafka settings exactly-once depends on, set explicitly. */
class ClientSettingsTest {
  private final ClientSettings settings =
      new ClientSettings(
          IngestConfig.from(
              Map.of(
                  "bootstrap.servers", "kafka:9092",
                  "schema.registry.url", "http://registry:8081",
                  "sealtrail.ingest.instance-id", "pod-3",
                  "security.protocol", "SSL")));

  @Test
  void shouldNameTheTransactionAfterInstanceAndRoleWhenProducingInALoop() {
    Map<String, Object> producer = settings.transactionalProducer("verifier");

    assertThat(producer)
        .containsEntry("transactional.id", "sealtrail-ingest-verifier-pod-3")
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true);
  }

  @Test
  void shouldReadOnlyCommittedRecordsAndCommitNothingAloneWhenConsumingInALoop() {
    Map<String, Object> consumer = settings.loopConsumer("verifier");

    assertThat(consumer)
        .containsEntry("group.id", "sealtrail-ingest-verifier")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", false)
        .containsEntry("auto.offset.reset", "earliest");
  }

  @Test
  void shouldBoundEverySendByTheKafkaTimeoutWhenTheGatewayProduces() {
    Map<String, Object> producer = settings.gatewayProducer();

    assertThat(producer)
        .containsEntry("max.block.ms", 10_000)
        .containsEntry("delivery.timeout.ms", 10_000)
        .containsEntry("acks", "all")
        .containsEntry("security.protocol", "SSL");
  }
}
