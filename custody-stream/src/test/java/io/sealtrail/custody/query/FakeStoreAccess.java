package io.sealtrail.custody.query;

import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.platform.query.StoreAccess;
import io.sealtrail.platform.query.StoreUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@link StoreAccess} over the stores of a {@link CustodyDriver}: every key is owned here unless
 * given another owner, and the stores can be made to migrate.
 */
final class FakeStoreAccess implements StoreAccess {
  private final CustodyDriver custody;
  private final Map<String, HostInfo> owners = new ConcurrentHashMap<>();
  private final Set<String> lagging = ConcurrentHashMap.newKeySet();
  private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
  private volatile boolean migrating;

  FakeStoreAccess(CustodyDriver custody) {
    this.custody = custody;
  }

  FakeStoreAccess ownedBy(String key, HostInfo owner) {
    owners.put(key, owner);
    return this;
  }

  /** {@code key} is owned here, but its store partition lags its changelog. */
  void lagging(String key) {
    lagging.add(key);
  }

  void migrating() {
    migrating = true;
  }

  /** Reading the state of {@code serial} waits until {@code open} is counted down. */
  void gate(String serial, CountDownLatch open) {
    gates.put(serial, open);
  }

  @Override
  public Optional<HostInfo> remoteOwner(String store, String key) {
    if (lagging.contains(key)) {
      // What StoreLags answers for a partition behind its changelog.
      throw new StoreUnavailableException(store + " partition 0 is catching up");
    }
    return Optional.ofNullable(owners.get(key));
  }

  @Override
  public <V> ReadOnlyKeyValueStore<String, V> local(String store) {
    if (migrating) {
      // What Kafka Streams throws for a store this instance is handing over.
      throw new StoreUnavailableException(
          store, new InvalidStateStoreException(store + " is migrating"));
    }
    ReadOnlyKeyValueStore<String, V> read = custody.store(store);
    return gates.isEmpty() ? read : new Gated<>(read, gates);
  }

  /** A store whose reads of gated keys wait for their gate. */
  private record Gated<V>(ReadOnlyKeyValueStore<String, V> store, Map<String, CountDownLatch> gates)
      implements ReadOnlyKeyValueStore<String, V> {
    @Override
    public V get(String key) {
      CountDownLatch gate = gates.get(key);
      try {
        if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("gate of " + key + " never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return store.get(key);
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
      return store.range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
      return store.all();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(
        P prefix, PS serializer) {
      return store.prefixScan(prefix, serializer);
    }

    @Override
    public long approximateNumEntries() {
      return store.approximateNumEntries();
    }
  }

  @Override
  public Set<HostInfo> otherHosts(String store) {
    return owners.values().stream().collect(Collectors.toSet());
  }
}
