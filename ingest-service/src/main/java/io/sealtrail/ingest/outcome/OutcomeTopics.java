package io.sealtrail.ingest.outcome;

import io.sealtrail.avro.outcome.PartnerOutcome;
import io.sealtrail.ingest.IngestTopics;
import io.sealtrail.platform.topic.Topic;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes sure a registered partner has its outcome topic, {@code custody.outcomes.<partnerId>} (ADR
 * 11): created when the partner is registered, for every registered partner when a node starts, and
 * by the verifier before it writes a partner's first outcome, so a registration written some other
 * way never leaves the verifier sending to a topic that does not exist. Remembers what it created
 * or found; thread-safe.
 */
public final class OutcomeTopics implements AutoCloseable {
  private final Admin admin;
  private final IngestTopics topics;
  private final Duration timeout;
  private final Set<String> present = ConcurrentHashMap.newKeySet();

  public OutcomeTopics(Map<String, Object> adminConfig, IngestTopics topics, Duration timeout) {
    this.admin = Admin.create(adminConfig);
    this.topics = topics;
    this.timeout = timeout;
  }

  /**
   * The outcome topic of {@code partnerId}, created if missing; empty for an id that cannot name a
   * topic.
   *
   * @throws KafkaException when Kafka did not create it in time (the verifier reads its batch
   *     again; the admin API answers 503)
   */
  public Optional<Topic<PartnerOutcome>> ensure(String partnerId) {
    Optional<Topic<PartnerOutcome>> topic = topics.outcomesOf(partnerId);
    topic.map(Topic::name).filter(name -> !present.contains(name)).ifPresent(this::create);
    return topic;
  }

  /** {@link #ensure} for each of {@code partnerIds}. */
  public void ensureAll(Collection<String> partnerIds) {
    partnerIds.forEach(this::ensure);
  }

  private void create(String name) {
    try {
      admin
          .createTopics(List.of(topics.outcomeSettings(topics.outcomes().renamed(name))))
          .all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new KafkaException("outcome topic " + name + " not created", e.getCause());
      }
    } catch (TimeoutException e) {
      throw new KafkaException("outcome topic " + name + " not created within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted creating " + name, e);
    }
    present.add(name);
  }

  @Override
  public void close() {
    admin.close(timeout);
  }
}
