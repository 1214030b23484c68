package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.event.VerifiedEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The firmware flashes to count: each FIRMWARE_FLASHED once in each counted cohort it falls in, its
 * station, its operator and its product, stamped with when the flash happened. Flashes are counted
 * in event time, not by receipt: a station that uploads a shift's flashes at once after an outage
 * is no unusual update pattern, and a replay counts the same windows.
 */
public final class FlashHits implements Processor<String, VerifiedEvent, String, Evidence> {
  private final SpikeRules rules;
  private ProcessorContext<String, Evidence> context;

  public FlashHits(SpikeRules rules) {
    this.rules = rules;
  }

  @Override
  public void init(ProcessorContext<String, Evidence> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    CustodyEvent e = record.value().getEvent();
    if (!(e.getDetail() instanceof FirmwareFlashed flashed)) {
      return;
    }
    Evidence hit = AttestationHitProcessor.evidence(record.value());
    long flashedAt = e.getOccurredAt().toEpochMilli();
    for (Cohort cohort : cohorts(e, flashed, rules)) {
      context.forward(new Record<>(cohort.key(), hit, flashedAt));
    }
  }

  /** The counted cohorts of the flash {@code e}: station, operator and product, when given. */
  static List<Cohort> cohorts(CustodyEvent e, FirmwareFlashed flashed, SpikeRules rules) {
    List<Cohort> cohorts = new ArrayList<>();
    Cohort.addCounted(cohorts, rules, "station", e.getStation());
    Cohort.addCounted(cohorts, rules, "operator", e.getOperator());
    Cohort.addCounted(cohorts, rules, "product", flashed.getProduct());
    return cohorts;
  }
}
