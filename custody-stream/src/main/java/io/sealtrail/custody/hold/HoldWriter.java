package io.sealtrail.custody.hold;

import io.sealtrail.avro.hold.Hold;
import io.sealtrail.custody.admin.AckedWriter;
import io.sealtrail.platform.http.ServiceUnavailableException;
import io.sealtrail.platform.kafka.KafkaAccess;
import io.sealtrail.platform.topic.Topic;

/**
 * Writes each version of a hold to the holds topic, keyed by hold id, and returns once every
 * in-sync replica has it (acks=all, idempotent): a hold is answered 201 only once it cannot be
 * lost.
 */
public final class HoldWriter implements AutoCloseable {
  private final AckedWriter<Hold> writer;

  public HoldWriter(KafkaAccess kafka, Topic<Hold> holds) {
    this.writer = new AckedWriter<>(kafka, holds, "hold");
  }

  /**
   * Writes {@code hold} and waits for the acknowledgement.
   *
   * @throws ServiceUnavailableException when Kafka did not take it in time: nothing is known, retry
   */
  public void write(Hold hold) {
    writer.write(hold.getHoldId(), hold);
  }

  @Override
  public void close() {
    writer.close();
  }
}
