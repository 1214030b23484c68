package io.sealtrail.custody.campaign;

import io.sealtrail.avro.campaign.CampaignEntry;
import io.sealtrail.platform.http.ServiceUnavailableException;
import io.sealtrail.platform.kafka.AckedProducer;
import io.sealtrail.platform.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes campaign entries to the campaigns topic and returns once every in-sync replica has each
 * (acks=all, idempotent): a campaign is answered 201, and a move 200, only once it cannot be lost.
 * A new campaign's device entries go first and its header last, so a header that is visible always
 * has its devices behind it.
 */
public final class CampaignWriter implements AutoCloseable {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<String, CampaignEntry> producer;
  private final String topic;

  public CampaignWriter(
      String bootstrapServers, Map<String, String> overrides, Topic<CampaignEntry> campaigns) {
    Properties p = AckedProducer.settings(bootstrapServers, overrides, ACK_TIMEOUT);
    this.producer =
        new KafkaProducer<>(
            p, campaigns.keySerde().serializer(), campaigns.valueSerde().serializer());
    this.topic = campaigns.name();
  }

  /**
   * Writes {@code entries} in order and waits for every acknowledgement.
   *
   * @throws ServiceUnavailableException when Kafka did not take them in time: retry
   */
  public void write(List<CampaignEntry> entries) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(entries.size());
    try {
      for (CampaignEntry entry : entries) {
        sent.add(producer.send(new ProducerRecord<>(topic, keyOf(entry), entry)));
      }
      producer.flush();
      for (Future<RecordMetadata> ack : sent) {
        ack.get(ACK_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw unavailable(e);
    }
  }

  static String keyOf(CampaignEntry entry) {
    return entry.getDevice() == null
        ? CampaignStore.headerKey(entry.getCampaignId())
        : CampaignStore.deviceKey(entry.getCampaignId(), entry.getDevice().getSerial());
  }

  private static ServiceUnavailableException unavailable(Exception cause) {
    return new ServiceUnavailableException(
        "Kafka did not take the campaign in time; retry with the same X-Request-Id",
        Duration.ofSeconds(2),
        cause);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
