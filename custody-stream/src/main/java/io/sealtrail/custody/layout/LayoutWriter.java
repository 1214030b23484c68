package io.sealtrail.custody.layout;

import io.sealtrail.custody.admin.AckedWriter;
import io.sealtrail.platform.http.ServiceUnavailableException;
import io.sealtrail.platform.kafka.KafkaAccess;
import io.sealtrail.platform.topic.Topic;

/**
 * Writes a product's layouts (every kept version) to the layouts topic, keyed by product, and
 * returns once every in-sync replica has them: a change is answered only once it cannot be lost.
 */
public final class LayoutWriter implements AutoCloseable {
  private final AckedWriter<String> writer;

  public LayoutWriter(KafkaAccess kafka, Topic<String> layouts) {
    this.writer = new AckedWriter<>(kafka, layouts, "layout");
  }

  /**
   * Writes {@code history} and waits for the acknowledgement.
   *
   * @throws ServiceUnavailableException when Kafka did not take it in time: nothing is known, retry
   */
  public void write(LayoutHistory history) {
    writer.write(history.product(), LayoutJson.write(history));
  }

  @Override
  public void close() {
    writer.close();
  }
}
