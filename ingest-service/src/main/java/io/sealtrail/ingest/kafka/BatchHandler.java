package io.sealtrail.ingest.kafka;

import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;

/**
 * The work of one {@link TransactionalLoop}: what to write for a batch of input records, inside a
 * transaction the loop opens and commits together with the input offsets.
 */
public interface BatchHandler extends ConsumerRebalanceListener {

  /**
   * {@code records} were just polled and will be {@link #process processed} later, in a batch with
   * the records of other polls, unless their partitions are revoked or lost first. A handler may
   * start work here that needs no state of earlier records (e.g. parse and verify them on other
   * threads); it must not write anything. Loop thread.
   */
  default void polled(List<ConsumerRecord<String, byte[]>> records) {}

  /**
   * Sends everything {@code records} (in the order polled) lead to through {@code producer}, within
   * the open transaction. Kafka exceptions abort the transaction and the batch is read again; any
   * other exception stops the loop.
   */
  void process(List<ConsumerRecord<String, byte[]>> records, Producer<String, byte[]> producer);

  /** The batch's transaction committed: what it wrote is now true. */
  default void committed() {}

  /** The batch's transaction aborted: forget what it would have written. */
  default void aborted() {}

  /** The loop ended and will call nothing more: release what the handler holds (e.g. threads). */
  default void closed() {}

  @Override
  default void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

  @Override
  default void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
}
