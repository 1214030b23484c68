package io.sealtrail.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.internals.DefaultStreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * Reads of many keys resolved once per store partition (a trace's 100,000 devices), trusted no
 * longer than the maximum age, and placed as Kafka Streams places a String key.
 */
class PartitionedReadsTest {
  static final String STORE = "custody-state-store";
  static final int PARTITIONS = 3;
  static final Duration MAX_AGE = Duration.ofSeconds(1);
  static final HostInfo OTHER = new HostInfo("other", 8081);

  private final AtomicLong clock = new AtomicLong();
  private final List<String> resolved = new ArrayList<>();
  private final Map<Integer, MapStore> local = new HashMap<>();
  private final Set<Integer> elsewhere = new HashSet<>();
  private RuntimeException failing;

  private final PartitionedReads<String> reads =
      new PartitionedReads<>(STORE, this::resolve, clock::get, MAX_AGE);

  private PartitionedReads.Resolved<String> resolve(String key) {
    resolved.add(key);
    if (failing != null) {
      throw failing;
    }
    int partition = PartitionedReads.partitionOf(key, PARTITIONS);
    if (elsewhere.contains(partition)) {
      return new PartitionedReads.Resolved<>(
          partition, PARTITIONS, Optional.of(OTHER), null, clock.get());
    }
    return new PartitionedReads.Resolved<>(
        partition, PARTITIONS, Optional.empty(), store(partition), clock.get());
  }

  private MapStore store(int partition) {
    return local.computeIfAbsent(partition, p -> new MapStore(new HashMap<>()));
  }

  /** One partition's copy: point reads are all these reads make. */
  private record MapStore(Map<String, String> values)
      implements ReadOnlyKeyValueStore<String, String> {
    void put(String key, String value) {
      values.put(key, value);
    }

    @Override
    public String get(String key) {
      return values.get(key);
    }

    @Override
    public KeyValueIterator<String, String> range(String from, String to) {
      throw new UnsupportedOperationException("keyed reads make point reads only");
    }

    @Override
    public KeyValueIterator<String, String> all() {
      throw new UnsupportedOperationException("keyed reads make point reads only");
    }

    @Override
    public long approximateNumEntries() {
      return values.size();
    }
  }

  @Test
  void shouldResolveOncePerPartitionWhenManyKeysAreRead() {
    for (int i = 0; i < 1_000; i++) {
      String key = "GWX1-" + i;
      assertThat(reads.remoteOwner(key)).isEmpty();
      reads.get(key);
    }

    assertThat(resolved).hasSize(PARTITIONS);
  }

  @Test
  void shouldReadEachKeyFromThePartitionHoldingIt() {
    for (int i = 0; i < 100; i++) {
      String key = "GWX1-" + i;
      reads.remoteOwner(key);
      store(PartitionedReads.partitionOf(key, PARTITIONS)).put(key, "state of " + key);
    }

    for (int i = 0; i < 100; i++) {
      String key = "GWX1-" + i;
      assertThat(reads.remoteOwner(key)).isEmpty();
      assertThat(reads.get(key)).isEqualTo("state of " + key);
    }
  }

  @Test
  void shouldResolveAgainWhenTheResolutionIsOlderThanTheMaximumAge() {
    reads.remoteOwner("GWX1-1");
    clock.addAndGet(MAX_AGE.toNanos() - 1);
    reads.remoteOwner("GWX1-1");
    assertThat(resolved).hasSize(1);

    clock.addAndGet(1);
    reads.remoteOwner("GWX1-1");

    assertThat(resolved).hasSize(2);
  }

  @Test
  void shouldAnswerTheOwnerWhenThePartitionLivesOnAnotherInstance() {
    int there = PartitionedReads.partitionOf("GWX1-1", PARTITIONS);
    elsewhere.add(there);

    assertThat(reads.remoteOwner("GWX1-1")).contains(OTHER);
    assertThatThrownBy(() -> reads.get("GWX1-1")).isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void shouldReadWhereTheOwnerWasJustResolvedWhenItsResolutionAgesBeforeTheRead() {
    store(PartitionedReads.partitionOf("GWX1-1", PARTITIONS)).put("GWX1-1", "state");
    assertThat(reads.remoteOwner("GWX1-1")).isEmpty();
    clock.addAndGet(MAX_AGE.toNanos());

    assertThat(reads.get("GWX1-1")).isEqualTo("state");
    assertThat(resolved).hasSize(1);
  }

  @Test
  void shouldAskAgainForEveryKeyWhileTheOwnerIsUnknown() {
    failing = new StoreUnavailableException("the owner of GWX1-1 is not known yet");

    assertThatThrownBy(() -> reads.remoteOwner("GWX1-1"))
        .isInstanceOf(StoreUnavailableException.class);
    failing = null;
    assertThat(reads.remoteOwner("GWX1-1")).isEmpty();

    assertThat(resolved).containsExactly("GWX1-1", "GWX1-1");
  }

  @Test
  void shouldPlaceAKeyWhereKafkaStreamsDefaultPartitionerPlacesIt() {
    var kafka = new DefaultStreamPartitioner<String, Object>(new StringSerializer());
    for (int partitions : new int[] {1, 3, 6, 7, 12}) {
      for (int i = 0; i < 2_000; i++) {
        String key = "GWX1-" + i + (i % 3 == 0 ? "-ü" : "");

        assertThat(Set.of(PartitionedReads.partitionOf(key, partitions)))
            .isEqualTo(kafka.partitions("topic", key, null, partitions).orElseThrow());
      }
    }
  }
}
