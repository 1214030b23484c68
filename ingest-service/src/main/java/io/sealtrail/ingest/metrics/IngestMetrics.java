package io.sealtrail.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sealtrail.ingest.submission.Channel;
import io.sealtrail.trust.RejectionReason;
import io.sealtrail.trust.partner.PartnerDirectory;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Counts every committed outcome per channel, partner and (for rejections) reason, times the trust
 * verifier and each Kafka send until its acknowledgement, and gauges the submission partitions this
 * instance owns; then passes each call on to {@code next}.
 */
public final class IngestMetrics implements IngestListener {
  static final String OUTCOMES = "sealtrail.ingest.outcomes";
  static final String VERIFICATION = "sealtrail.ingest.verification";
  static final String KAFKA_SEND = "sealtrail.ingest.kafka.send";

  private final MeterRegistry registry;
  private final IngestListener next;
  private final PartnerTag partners;
  private final Timer verification;
  private final AtomicInteger owned = new AtomicInteger();

  /** {@code partners}: the registered partners, the only ones named in tags. */
  public IngestMetrics(
      MeterRegistry registry, IngestListener next, Supplier<PartnerDirectory> partners) {
    this.registry = registry;
    this.next = next;
    this.partners = new PartnerTag(partners);
    this.verification =
        Timer.builder(VERIFICATION)
            .description("One trust verification: envelope, signatures, keys, partner, policy")
            .register(registry);
    registry.gauge("sealtrail.ingest.partitions.owned", owned);
  }

  /**
   * The timer of one {@code POST /v1/events}: from handing its envelopes to Kafka until every
   * outcome is committed ({@code answered}), or until Kafka was found unavailable.
   */
  public Timer roundTrip(boolean answered) {
    return Timer.builder("sealtrail.http.events.round.trip")
        .description("From sending a request's envelopes to Kafka until all outcomes committed")
        .tag("result", answered ? "answered" : "unavailable")
        .register(registry);
  }

  @Override
  public void accepted(Channel channel, String partnerId) {
    outcome("accepted", channel, partnerId, "none").increment();
    next.accepted(channel, partnerId);
  }

  @Override
  public void duplicate(Channel channel, String partnerId) {
    outcome("duplicate", channel, partnerId, "none").increment();
    next.duplicate(channel, partnerId);
  }

  @Override
  public void rejected(Channel channel, RejectionReason reason, String claimedPartnerId) {
    outcome("rejected", channel, claimedPartnerId, reason.name()).increment();
    next.rejected(channel, reason, claimedPartnerId);
  }

  @Override
  public void verified(Duration took) {
    verification.record(took);
    next.verified(took);
  }

  @Override
  public void sent(String topic, Duration took, boolean acknowledged) {
    Timer.builder(KAFKA_SEND)
        .description("From a producer send until Kafka acknowledged (or failed) the record")
        .tag("topic", topic)
        .tag("result", acknowledged ? "acknowledged" : "failed")
        .register(registry)
        .record(took);
    next.sent(topic, took, acknowledged);
  }

  @Override
  public void partitionsOwned(Set<Integer> partitions) {
    owned.set(partitions.size());
    next.partitionsOwned(partitions);
  }

  private Counter outcome(String outcome, Channel channel, String partnerId, String reason) {
    return Counter.builder(OUTCOMES)
        .description("Committed submission outcomes")
        .tag("outcome", outcome)
        .tag("channel", channel.name().toLowerCase(Locale.ROOT))
        .tag("partner", partners.of(partnerId))
        .tag("reason", reason)
        .register(registry);
  }
}
