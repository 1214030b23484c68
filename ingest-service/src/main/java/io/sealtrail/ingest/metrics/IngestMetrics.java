package io.sealtrail.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sealtrail.ingest.IngestListener;
import io.sealtrail.ingest.submission.Channel;
import io.sealtrail.trust.RejectionReason;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts every committed outcome per channel (and per reason for rejections) and gauges the
 * submission partitions this instance owns, then passes each event on to {@code next}.
 */
public final class IngestMetrics implements IngestListener {
  static final String OUTCOMES = "sealtrail.ingest.outcomes";

  private final MeterRegistry registry;
  private final IngestListener next;
  private final AtomicInteger owned = new AtomicInteger();

  public IngestMetrics(MeterRegistry registry, IngestListener next) {
    this.registry = registry;
    this.next = next;
    registry.gauge("sealtrail.ingest.partitions.owned", owned);
  }

  @Override
  public void accepted(Channel channel) {
    outcome("accepted", channel, "none").increment();
    next.accepted(channel);
  }

  @Override
  public void duplicate(Channel channel) {
    outcome("duplicate", channel, "none").increment();
    next.duplicate(channel);
  }

  @Override
  public void rejected(Channel channel, RejectionReason reason) {
    outcome("rejected", channel, reason.name()).increment();
    next.rejected(channel, reason);
  }

  @Override
  public void partitionsOwned(Set<Integer> partitions) {
    owned.set(partitions.size());
    next.partitionsOwned(partitions);
  }

  private Counter outcome(String outcome, Channel channel, String reason) {
    return Counter.builder(OUTCOMES)
        .description("Committed submission outcomes")
        .tag("outcome", outcome)
        .tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT))
        .tag("reason", reason)
        .register(registry);
  }
}
