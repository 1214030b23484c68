package io.sealtrail.ingest.kafka;

import io.sealtrail.ingest.IngestConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The settings of every Kafka client ingest creates, each one that matters set explicitly with its
 * reason. Keys are strings, values raw bytes: serialization of Avro values happens in mapping code.
 */
public final class ClientSettings {
  /** How long a transaction may stay open before the coordinator aborts it. */
  public static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

  private final IngestConfig config;

  public ClientSettings(IngestConfig config) {
    this.config = config;
  }

  /**
   * A producer inside consume-transform-produce loops, one transactional id per instance and role.
   */
  public Map<String, Object> transactionalProducer(String role) {
    Map<String, Object> settings = producer();
    // Stable per instance and role: a restarted instance fences its own unfinished transaction.
    settings.put(
        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
        config.groupPrefix() + "-" + role + "-" + config.instanceId());
    // A zombie's open transaction is aborted by the coordinator after this, unblocking the owner.
    settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
    return settings;
  }

  /** How many records, and how long, one transaction of a loop gathers (ADR 16). */
  public TransactionBounds transactionBounds() {
    IngestConfig.Pipeline pipeline = config.pipeline();
    return new TransactionBounds(pipeline.transactionMaxRecords(), pipeline.transactionMaxDelay());
  }

  /** The gateway's producer: idempotent, and bounded so an unreachable cluster fails fast. */
  public Map<String, Object> gatewayProducer() {
    Map<String, Object> settings = producer();
    int timeout = (int) config.kafkaTimeout().toMillis();
    // send() must not block the HTTP thread longer than the bound when metadata is unavailable.
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
    // A submission not acknowledged within the bound fails with KafkaUnavailableException.
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
    settings.put(
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2); // leaves time for one retry
    // Several HTTP requests share a batch.
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return settings;
  }

  /** A consumer of a loop's input, in {@code group}, committing offsets only in transactions. */
  public Map<String, Object> loopConsumer(String group) {
    Map<String, Object> settings = consumer();
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(group));
    // Offsets are committed inside the producer's transaction, never on their own.
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A new group must not skip what was submitted before it first started.
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Only partitions that move are revoked, so only they restore their dedup state.
    settings.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    return settings;
  }

  /**
   * A consumer that reads state partitions by assignment and may ask for {@code group}'s committed
   * offsets, which read_committed makes wait for transactions still in flight; it never commits.
   */
  public Map<String, Object> restoreConsumer(String group) {
    Map<String, Object> settings = standaloneConsumer("earliest");
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(group));
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return settings;
  }

  public String groupId(String group) {
    return config.groupPrefix() + "-" + group;
  }

  /** A consumer without a group, for following replies. */
  public Map<String, Object> standaloneConsumer(String offsetReset) {
    Map<String, Object> settings = consumer();
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
    return settings;
  }

  public Map<String, Object> admin() {
    Map<String, Object> settings = new HashMap<>(config.clientOverrides());
    settings.put("bootstrap.servers", config.bootstrapServers());
    return settings;
  }

  private Map<String, Object> producer() {
    Map<String, Object> settings = admin();
    // Never acknowledge what is not on every in-sync replica.
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    // Retries must not write a submission or an event twice.
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return settings;
  }

  private Map<String, Object> consumer() {
    Map<String, Object> settings = admin();
    // Only what a transaction committed exists: aborted attempts are never seen.
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // A misnamed topic must fail, not appear with broker defaults (no compaction, no
    // LogAppendTime).
    settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return settings;
  }
}
