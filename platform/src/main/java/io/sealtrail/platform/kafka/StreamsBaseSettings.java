package io.sealtrail.platform.kafka;

import io.sealtrail.platform.env.EnvSetting;
import io.sealtrail.platform.env.FlatValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;

/**
 * The Kafka Streams settings every Sealtrail stream service runs with, in one place: exactly once,
 * explicit names, standbys, and one bad record never stopping the application (it goes to the
 * service's dead-letter topic).
 *
 * @param processingErrors what a processing error does: custody-stream sends a malformed event to
 *     the dead-letter topic too and stops on anything else; a service whose inputs are checked at
 *     deserialization stops on every processing error (a bug, or transient; a skipped record would
 *     be lost)
 * @param kafkaOverrides client settings such as security ({@link KafkaOverrides}); they come first,
 *     the settings above are not negotiable
 * @param rocksDbMemoryMib the off-heap budget of every RocksDB store in the JVM together ({@value
 *     #ROCKSDB_MEMORY_KEY}, default {@value #DEFAULT_ROCKSDB_MEMORY_MIB}; {@link
 *     BoundedRocksDbMemory})
 */
public record StreamsBaseSettings(
    String applicationId,
    String bootstrapServers,
    String stateDir,
    int standbyReplicas,
    String deadLetterTopic,
    Class<? extends ProcessingExceptionHandler> processingErrors,
    Map<String, String> kafkaOverrides,
    int rocksDbMemoryMib) {
  /** The key of {@link #rocksDbMemoryMib}; env {@code SEALTRAIL_STREAMS_ROCKSDB_MEMORY_MIB}. */
  public static final String ROCKSDB_MEMORY_KEY = "sealtrail.streams.rocksdb-memory-mib";

  public static final int DEFAULT_ROCKSDB_MEMORY_MIB = 256;

  /**
   * The environment variables of the optional keys {@link #from} reads: application id, state
   * directory, standbys, dead-letter topic. {@code BOOTSTRAP_SERVERS} each service declares itself,
   * required or not.
   */
  public static final List<EnvSetting> ENVIRONMENT =
      List.of(
          EnvSetting.optional(StreamsConfig.APPLICATION_ID_CONFIG),
          EnvSetting.optional(StreamsConfig.STATE_DIR_CONFIG),
          EnvSetting.optional(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG),
          EnvSetting.optional(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG),
          EnvSetting.optional(ROCKSDB_MEMORY_KEY));

  /** Where the service's other clients reach the cluster, with its client settings. */
  public KafkaAccess access() {
    return new KafkaAccess(bootstrapServers, kafkaOverrides);
  }

  public StreamsBaseSettings {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(stateDir, "stateDir");
    if (standbyReplicas < 0) {
      throw new IllegalArgumentException(
          StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG + " must be >= 0, got " + standbyReplicas);
    }
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    Objects.requireNonNull(processingErrors, "processingErrors");
    kafkaOverrides = Map.copyOf(kafkaOverrides);
    if (rocksDbMemoryMib < 8) {
      throw new IllegalArgumentException(
          ROCKSDB_MEMORY_KEY + " must be at least 8 (MiB), got " + rocksDbMemoryMib);
    }
  }

  /** The settings with the default RocksDB budget. */
  public StreamsBaseSettings(
      String applicationId,
      String bootstrapServers,
      String stateDir,
      int standbyReplicas,
      String deadLetterTopic,
      Class<? extends ProcessingExceptionHandler> processingErrors,
      Map<String, String> kafkaOverrides) {
    this(
        applicationId,
        bootstrapServers,
        stateDir,
        standbyReplicas,
        deadLetterTopic,
        processingErrors,
        kafkaOverrides,
        DEFAULT_ROCKSDB_MEMORY_MIB);
  }

  /**
   * The settings in a service's flat configuration: {@code application.id}, {@code
   * bootstrap.servers}, {@code state.dir}, {@code num.standby.replicas}, {@code
   * errors.dead.letter.queue.topic.name} and {@value #ROCKSDB_MEMORY_KEY}, each unset one taken
   * from {@code defaults}, and the Kafka client settings among the keys ({@link KafkaOverrides}).
   *
   * @throws IllegalArgumentException naming the key of a malformed value
   */
  public static StreamsBaseSettings from(Map<String, String> flat, StreamsBaseSettings defaults) {
    return new StreamsBaseSettings(
        FlatValues.text(flat, StreamsConfig.APPLICATION_ID_CONFIG, defaults.applicationId()),
        FlatValues.text(flat, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, defaults.bootstrapServers()),
        FlatValues.text(flat, StreamsConfig.STATE_DIR_CONFIG, defaults.stateDir()),
        FlatValues.integer(
            flat, StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, defaults.standbyReplicas()),
        FlatValues.text(
            flat,
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
            defaults.deadLetterTopic()),
        defaults.processingErrors(),
        KafkaOverrides.of(flat),
        FlatValues.integer(flat, ROCKSDB_MEMORY_KEY, defaults.rocksDbMemoryMib()));
  }

  /**
   * Records one poll of the restore consumer hands to a store's bulk write: with Streams' 1,000 a
   * store rebuilds in many small RocksDB write batches and as many round trips to the broker.
   */
  static final int RESTORE_MAX_POLL_RECORDS = 10_000;

  /**
   * Bytes a restore fetch brings per partition and in all: large enough for {@link
   * #RESTORE_MAX_POLL_RECORDS} custody records (about 1 KB each) in one fetch, small enough that
   * the stores of local mode's services restoring at once stay well inside its heap.
   */
  static final int RESTORE_PARTITION_FETCH_BYTES = 8 * 1024 * 1024;

  static final int RESTORE_FETCH_BYTES = 16 * 1024 * 1024;

  public Properties properties() {
    Properties p = new Properties();
    // Tuning, not guarantees: a service's own settings below may change them.
    p.putAll(restoreDefaults());
    p.putAll(kafkaOverrides);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    // A state change and what it publishes are committed together or not at all.
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // A warm copy of every store elsewhere keeps fail-over short.
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
    // Generated names shift when the topology changes and silently orphan state.
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    // A record that cannot be read goes to the dead-letter topic instead of stopping the app (and
    // every restart after it, on the same record).
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, processingErrors);
    // Global tables get the same error handling as the rest (the default in 5.0).
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    // Every store's off-heap memory within one budget, so the resident size levels off.
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    p.put(BoundedRocksDbMemory.MEMORY_KEY, Long.toString(rocksDbMemoryMib * 1024L * 1024L));
    return p;
  }

  /**
   * How a store is rebuilt from its changelog (an instance with an empty or stale state directory):
   * fewer, larger polls, each written to RocksDB in one batch. The restore consumer only reads
   * committed changelog records, as always; what is restored is unchanged.
   */
  static Map<String, Object> restoreDefaults() {
    return Map.of(
        StreamsConfig.restoreConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG),
        RESTORE_MAX_POLL_RECORDS,
        StreamsConfig.restoreConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
        RESTORE_PARTITION_FETCH_BYTES,
        StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG),
        RESTORE_FETCH_BYTES);
  }
}
