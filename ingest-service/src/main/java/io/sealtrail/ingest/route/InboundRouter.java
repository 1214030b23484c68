package io.sealtrail.ingest.route;

import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.kafka.ClientSettings;
import io.sealtrail.ingest.kafka.TransactionalLoop;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The Kafka-native door: moves every record of {@code custody.inbound} to the submissions topic,
 * exactly once, in the router group, so it is verified exactly like an HTTP submission. Its outcome
 * is on {@code custody.events} or {@code custody.rejected}; nobody waits for its reply.
 */
public final class InboundRouter implements AutoCloseable {
  static final String GROUP = "router";

  private final TransactionalLoop loop;

  public InboundRouter(IngestConfig config, Clock clock) {
    ClientSettings settings = new ClientSettings(config);
    this.loop =
        new TransactionalLoop(
            "ingest-router-" + config.instanceId(),
            config.topics().inbound(),
            new KafkaConsumer<>(settings.loopConsumer(GROUP)),
            new KafkaProducer<>(settings.transactionalProducer(GROUP)),
            new InboundRouting(config.topics().submissions(), clock));
  }

  public void start() {
    loop.start();
  }

  /**
   * Completes normally after {@link #close()}, exceptionally when the router stopped on an error.
   */
  public CompletableFuture<Void> stopped() {
    return loop.stopped();
  }

  @Override
  public void close() throws InterruptedException {
    loop.close();
  }
}
