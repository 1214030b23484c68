package io.sealtrail.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** Rebuilding one partition's dedup state from its dedup topic partition. */
class DedupRestorerTest {
  private static final Instant CUTOFF = Instant.parse("2026-11-14T08:00:00Z");
  private static final TopicPartition DEDUP_2 = new TopicPartition("dedup", 2);
  private static final String SHA = "e".repeat(64);

  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private final DedupState state = new DedupState();

  @Test
  void shouldLoadEntriesInsideTheWindowWhenAPartitionIsAssigned() {
    var fresh = new DedupEntry(SHA, 0, 10, CUTOFF.plusSeconds(1));
    var expired = new DedupEntry(SHA, 0, 11, CUTOFF.minusSeconds(1));
    dedupTopicHolds(
        record(0, "acme/fresh", fresh.toBytes()),
        record(1, "acme/expired", expired.toBytes()),
        record(2, "acme/forgotten", null));

    restorer(Duration.ofSeconds(5)).restore(List.of(2), state, CUTOFF);

    assertThat(state.owned()).containsExactly(2);
    assertThat(state.find(2, "acme/fresh")).contains(fresh);
    assertThat(state.find(2, "acme/expired")).isEmpty();
    assertThat(state.size()).isOne();
  }

  @Test
  void shouldOwnNothingWhenTheTopicCannotBeReadToItsEnd() {
    consumer.updateBeginningOffsets(Map.of(DEDUP_2, 0L));
    consumer.updateEndOffsets(Map.of(DEDUP_2, 5L)); // five records that never arrive

    assertThatThrownBy(() -> restorer(Duration.ofMillis(300)).restore(List.of(2), state, CUTOFF))
        .isInstanceOf(TimeoutException.class);
    assertThat(state.owns(2)).isFalse();
  }

  private DedupRestorer restorer(Duration timeout) {
    return new DedupRestorer(() -> consumer, "submissions", "dedup", timeout);
  }

  @SafeVarargs
  private void dedupTopicHolds(ConsumerRecord<String, byte[]>... records) {
    consumer.updateBeginningOffsets(Map.of(DEDUP_2, 0L));
    consumer.updateEndOffsets(Map.of(DEDUP_2, (long) records.length));
    consumer.schedulePollTask(() -> List.of(records).forEach(consumer::addRecord));
  }

  private static ConsumerRecord<String, byte[]> record(long offset, String key, byte[] value) {
    return new ConsumerRecord<>("dedup", 2, offset, key, value);
  }
}
