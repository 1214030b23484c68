package io.sealtrail.ingest.admin;

import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.ingest.gateway.KafkaUnavailableException;
import io.sealtrail.ingest.outcome.OutcomeTopics;
import io.sealtrail.platform.topic.Topic;
import io.sealtrail.trust.partner.KafkaPartnerDirectory;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerRegistrationMapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes registrations to custody.partners and answers only once Kafka acknowledged them and the
 * node's own directory shows them, so a submission right after an admin call verifies against it.
 */
public final class PartnerStore implements AutoCloseable {
  private final Producer<String, PartnerRegistration> producer;
  private final String topic;
  private final KafkaPartnerDirectory directory;
  private final OutcomeTopics outcomes;
  private final Duration timeout;
  private final Clock clock;

  PartnerStore(
      Producer<String, PartnerRegistration> producer,
      String topic,
      KafkaPartnerDirectory directory,
      OutcomeTopics outcomes,
      Duration timeout,
      Clock clock) {
    this.producer = producer;
    this.topic = topic;
    this.directory = directory;
    this.outcomes = outcomes;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** A store writing to {@code topic} with {@code clientConfig} (bootstrap, security). */
  public static PartnerStore start(
      Map<String, Object> clientConfig,
      Topic<PartnerRegistration> topic,
      KafkaPartnerDirectory directory,
      OutcomeTopics outcomes,
      Duration timeout) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(
        ProducerConfig.ACKS_CONFIG, "all"); // answered only once every in-sync replica has it
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    // Kafka requires delivery.timeout >= linger + request.timeout.
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.dividedBy(2).toMillis());
    var producer =
        new KafkaProducer<>(config, new StringSerializer(), topic.valueSerde().serializer());
    return new PartnerStore(
        producer, topic.name(), directory, outcomes, timeout, Clock.systemUTC());
  }

  /** The partner as the node's directory knows it now. */
  public Optional<Partner> find(String partnerId) {
    return directory.get().partner(partnerId);
  }

  /** Every partner the node's directory knows now, by id. */
  public List<Partner> all() {
    return directory.get().partners().stream()
        .sorted(Comparator.comparing(Partner::partnerId))
        .toList();
  }

  /** The partners that list {@code keyid} now, in the node's directory. */
  public Set<String> holders(String keyid) {
    return directory.get().holders(keyid);
  }

  /**
   * Creates the partner's outcome topic if it has none (ADR 11: it exists before the registration,
   * so the partner may subscribe at once and the verifier never waits for it), writes {@code
   * partner}, waits until the directory shows exactly it, and returns it as stored (instants at the
   * registration's millisecond precision).
   */
  public Partner write(Partner partner, String updatedBy) throws InterruptedException {
    try {
      outcomes.ensure(partner.partnerId());
    } catch (KafkaException e) {
      throw new KafkaUnavailableException(e.getMessage(), timeout, e);
    }
    var registration =
        atMillis(PartnerRegistrationMapping.toRegistration(partner, clock.instant(), updatedBy));
    Partner stored = PartnerRegistrationMapping.toPartner(registration);
    try {
      producer
          .send(new ProducerRecord<>(topic, partner.partnerId(), registration))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaUnavailableException("partner registration not acknowledged", timeout, e);
    }
    awaitVisible(PartnerView.of(stored));
    return stored;
  }

  /** The registration with its instants cut to the topic's timestamp-millis, as readers see it. */
  private static PartnerRegistration atMillis(PartnerRegistration registration) {
    var copy = PartnerRegistration.newBuilder(registration).build();
    for (var key : copy.getKeys()) {
      key.setNotBefore(millis(key.getNotBefore()));
      key.setNotAfter(millis(key.getNotAfter()));
      key.setRevokedAt(millis(key.getRevokedAt()));
    }
    for (var grant : copy.getRoleGrants()) {
      grant.setNotBefore(millis(grant.getNotBefore()));
      grant.setNotAfter(millis(grant.getNotAfter()));
    }
    for (var grant : copy.getSiteGrants()) {
      grant.setNotBefore(millis(grant.getNotBefore()));
      grant.setNotAfter(millis(grant.getNotAfter()));
    }
    return copy;
  }

  private static Instant millis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }

  private void awaitVisible(PartnerView written) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!find(written.partnerId()).map(PartnerView::of).equals(Optional.of(written))) {
      if (System.nanoTime() > deadline) {
        throw new KafkaUnavailableException(
            "registration written but not yet read back by this node", timeout, null);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    producer.close(timeout);
  }
}
