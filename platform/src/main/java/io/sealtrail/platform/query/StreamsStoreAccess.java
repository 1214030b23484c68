package io.sealtrail.platform.query;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
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
    KeyQueryMetadata owner;
    try {
      owner = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
    } catch (IllegalStateException e) {
      throw new StoreUnavailableException("the owner of " + key + " is not known yet", e);
    }
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
      throw new StoreUnavailableException("the owner of " + key + " is not known yet");
    }
    HostInfo active = owner.activeHost();
    if (!self.equals(active)) {
      return Optional.of(active);
    }
    // A task just taken over is active before its store has caught up with the changelog.
    lags.requireCaughtUp(store, owner.partition());
    return Optional.empty();
  }

  @Override
  public <V> ReadOnlyKeyValueStore<String, V> local(String store) {
    requireRunning();
    if (restoring.isRestoring(store)) {
      throw new StoreUnavailableException(store + " is being restored on this instance");
    }
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(
              store, QueryableStoreTypes.<String, V>keyValueStore()));
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
