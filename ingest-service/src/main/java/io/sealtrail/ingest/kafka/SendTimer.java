package io.sealtrail.ingest.kafka;

import io.sealtrail.ingest.metrics.IngestListener;
import java.time.Duration;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A producer callback that tells the listener how long one record took from {@code send} to Kafka's
 * acknowledgement (or failure). Create it right before the send.
 */
public final class SendTimer implements Callback {
  private final String topic;
  private final IngestListener listener;
  private final long start = System.nanoTime();

  private SendTimer(String topic, IngestListener listener) {
    this.topic = topic;
    this.listener = listener;
  }

  public static SendTimer start(String topic, IngestListener listener) {
    return new SendTimer(topic, listener);
  }

  @Override
  public void onCompletion(RecordMetadata metadata, Exception error) {
    listener.sent(topic, Duration.ofNanos(System.nanoTime() - start), error == null);
  }
}
