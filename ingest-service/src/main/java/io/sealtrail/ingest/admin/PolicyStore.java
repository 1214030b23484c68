package io.sealtrail.ingest.admin;

import io.sealtrail.ingest.gateway.KafkaUnavailableException;
import io.sealtrail.platform.kafka.AckedProducer;
import io.sealtrail.trust.policy.KafkaPolicy;
import io.sealtrail.trust.policy.PolicyDocument;
import io.sealtrail.trust.policy.PolicyJson;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes policy versions to the policy topic and answers only once Kafka acknowledged one and this
 * node's policy view has it in force, so a submission right after {@code PUT /v1/policy} is judged
 * by it here (other instances as soon as they read it).
 */
public final class PolicyStore implements AutoCloseable {
  private final Producer<String, byte[]> producer;
  private final String topic;
  private final KafkaPolicy view;
  private final Duration timeout;

  PolicyStore(Producer<String, byte[]> producer, KafkaPolicy view, Duration timeout) {
    this.producer = producer;
    this.topic = view.topic();
    this.view = view;
    this.timeout = timeout;
  }

  /** A store writing to the topic {@code view} follows, with {@code clientConfig}'s settings. */
  public static PolicyStore start(
      String bootstrapServers, Map<String, ?> clientConfig, KafkaPolicy view, Duration timeout) {
    var producer =
        new KafkaProducer<>(
            AckedProducer.settings(bootstrapServers, clientConfig, timeout),
            new StringSerializer(),
            new ByteArraySerializer());
    return new PolicyStore(producer, view, timeout);
  }

  /** The version in force on this node. */
  public PolicyDocument current() {
    return view.get();
  }

  /** Completes when the policy reader ended: after close, or exceptionally when it died. */
  public CompletableFuture<Void> readerStopped() {
    return view.stopped();
  }

  /**
   * Writes {@code next} (its version already assigned) and waits until this node has it in force.
   */
  public PolicyDocument write(PolicyDocument next) throws InterruptedException {
    try {
      producer
          .send(new ProducerRecord<>(topic, KafkaPolicy.KEY, PolicyJson.write(next)))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      throw new KafkaUnavailableException("policy version not acknowledged", timeout, e);
    }
    if (!view.awaitVersion(next.version(), timeout)) {
      throw new KafkaUnavailableException(
          "policy written but not yet read back by this node", timeout, null);
    }
    return view.get();
  }

  @Override
  public void close() {
    producer.close(timeout);
  }
}
