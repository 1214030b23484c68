package io.sealtrail.bench.kafka;

import io.sealtrail.bench.kafka.RawProducerRun.Keyed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Copies a topic's committed records, keys and values byte for byte, to a new topic written without
 * transactions, so that a consumer group's committed offsets can reach its end offsets exactly
 * (transaction markers would leave a gap).
 */
public final class TopicCopy {
  private TopicCopy() {}

  public static long copy(BenchCluster cluster, String from, String to) throws Exception {
    List<Keyed> records = new ArrayList<>();
    TopicReader.readAll(
        cluster.bootstrapServers(),
        Set.of(from),
        Duration.ofMinutes(2),
        record -> records.add(new Keyed(record.key(), record.value())));
    cluster.createTopics(Set.of(to));
    RawProducerRun.recordsPerSecond(cluster.bootstrapServers(), to, records);
    return records.size();
  }
}
