package io.sealtrail.ingest.kafka;

import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;

/**
 * The work of one {@link TransactionalLoop}: what to write for a batch of input records, inside a
 * transaction the loop opens and commits together with the input offsets.
 */
public interface BatchHandler extends ConsumerRebalanceListener {

  /**
   * Sends everything {@code records} lead to through {@code producer}, within the open transaction.
   * Kafka exceptions abort the transaction and the batch is read again; any other exception stops
   * the loop.
   */
  void process(ConsumerRecords<String, byte[]> records, Producer<String, byte[]> producer);

  /** The batch's transaction committed: what it wrote is now true. */
  default void committed() {}

  /** The batch's transaction aborted: forget what it would have written. */
  default void aborted() {}

  @Override
  default void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

  @Override
  default void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
}
