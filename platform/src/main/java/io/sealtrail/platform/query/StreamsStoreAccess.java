package io.sealtrail.platform.query;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@link StoreAccess} on a running {@link KafkaStreams}: the owner from {@code
 * queryMetadataForKey}, compared with this instance's {@code application.server}; or, for an
 * instance that has none ({@link #alone}), every key here.
 */
public final class StreamsStoreAccess implements StoreAccess {
  private final KafkaStreams streams;
  private final HostInfo self;
  private final RestoringStores restoring;
  private final StoreLags lags;

  /** {@code restoring} must be {@code streams}' global restore listener. */
  public StreamsStoreAccess(KafkaStreams streams, HostInfo self, RestoringStores restoring) {
    this.streams = streams;
    this.self = java.util.Objects.requireNonNull(self, "self");
    this.restoring = restoring;
    this.lags = StoreLags.of(streams);
  }

  private StreamsStoreAccess(KafkaStreams streams, RestoringStores restoring) {
    this.streams = streams;
    this.self = null;
    this.restoring = restoring;
    this.lags = null;
  }

  /**
   * The only instance of its application, with no {@code application.server}: every key is read
   * here. {@code restoring} must be {@code streams}' global restore listener.
   */
  public static StreamsStoreAccess alone(KafkaStreams streams, RestoringStores restoring) {
    return new StreamsStoreAccess(streams, restoring);
  }

  @Override
  public Optional<HostInfo> remoteOwner(String store, String key) {
    requireRunning();
    if (self == null) {
      return Optional.empty();
    }
    KeyQueryMetadata owner =
        ownerOf(key, () -> streams.queryMetadataForKey(store, key, Serdes.String().serializer()));
    HostInfo active = owner.activeHost();
    if (!self.equals(active)) {
      return Optional.of(active);
    }
    // A task just taken over is active before its store has caught up with the changelog.
    lags.requireCaughtUp(store, owner.partition());
    return Optional.empty();
  }

  /**
   * Resolved per partition (see {@link PartitionedReads}) on an instance with an {@code
   * application.server}; alone, every key is here and read per key.
   */
  @Override
  public <V> KeyedReads<V> keyedReads(String store) {
    if (self == null) {
      return KeyedReads.perKey(this, store);
    }
    return new PartitionedReads<V>(
        store, key -> resolve(store, key), System::nanoTime, StoreLags.MAX_AGE);
  }

  private <V> PartitionedReads.Resolved<V> resolve(String store, String key) {
    requireRunning();
    int[] partitions = {0};
    // The partitioner Kafka Streams uses for a String key, noting how many partitions it placed
    // the key among.
    StreamPartitioner<String, Object> placing =
        (topic, k, value, count) -> {
          partitions[0] = count;
          return Optional.of(Set.of(PartitionedReads.partitionOf(k, count)));
        };
    KeyQueryMetadata owner = ownerOf(key, () -> streams.queryMetadataForKey(store, key, placing));
    long now = System.nanoTime();
    HostInfo active = owner.activeHost();
    if (!self.equals(active)) {
      return new PartitionedReads.Resolved<>(
          owner.partition(), partitions[0], Optional.of(active), null, now);
    }
    lags.requireCaughtUp(store, owner.partition());
    ReadOnlyKeyValueStore<String, V> local =
        local(
            StoreQueryParameters.fromNameAndType(
                    store, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(owner.partition()));
    return new PartitionedReads.Resolved<>(
        owner.partition(), partitions[0], Optional.empty(), local, now);
  }

  private static KeyQueryMetadata ownerOf(String key, Supplier<KeyQueryMetadata> asking) {
    KeyQueryMetadata owner;
    try {
      owner = asking.get();
    } catch (IllegalStateException e) {
      throw new StoreUnavailableException("the owner of " + key + " is not known yet", e);
    }
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
      throw new StoreUnavailableException("the owner of " + key + " is not known yet");
    }
    return owner;
  }

  @Override
  public <V> ReadOnlyKeyValueStore<String, V> local(String store) {
    return local(
        StoreQueryParameters.fromNameAndType(
            store, QueryableStoreTypes.<String, V>keyValueStore()));
  }

  private <V> ReadOnlyKeyValueStore<String, V> local(
      StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters) {
    requireRunning();
    String store = parameters.storeName();
    if (restoring.isRestoring(store)) {
      throw new StoreUnavailableException(store + " is being restored on this instance");
    }
    try {
      return streams.store(parameters);
    } catch (InvalidStateStoreException e) {
      throw new StoreUnavailableException(store + " is migrating: " + e.getMessage(), e);
    }
  }

  @Override
  public Set<HostInfo> otherHosts(String store) {
    requireRunning();
    Set<HostInfo> others = new LinkedHashSet<>();
    if (self != null) {
      for (StreamsMetadata instance : streams.streamsMetadataForStore(store)) {
        if (!self.equals(instance.hostInfo())) {
          others.add(instance.hostInfo());
        }
      }
    }
    return others;
  }

  private void requireRunning() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      throw new StoreUnavailableException("the streams are " + state + ", not RUNNING");
    }
  }
}
