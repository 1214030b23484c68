package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.event.VerifiedEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each device's firmware version and component lots (events are keyed by serial, so a
 * device's facts live with its events) and turns every failed attestation into one hit per cohort
 * it belongs to: site, station, firmware and each lot. Suppliers come from the lots, downstream.
 */
public final class AttestationHitProcessor
    implements Processor<String, VerifiedEvent, String, Evidence> {
  public static final String STORE = "anomaly-device-facts-store";

  private final SpikeRules rules;
  private ProcessorContext<String, Evidence> context;
  private KeyValueStore<String, List<String>> facts;

  public AttestationHitProcessor(SpikeRules rules) {
    this.rules = rules;
  }

  @Override
  public void init(ProcessorContext<String, Evidence> context) {
    this.context = context;
    this.facts = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    CustodyEvent e = record.value().getEvent();
    Object detail = e.getDetail();
    if (detail instanceof FirmwareFlashed flashed) {
      update(record.key(), facts(record.key()).flashed(flashed.getVersion()));
    } else if (detail instanceof Assembled assembled) {
      update(record.key(), facts(record.key()).assembled(lots(assembled)));
    } else if (detail instanceof Attested a && a.getVerdict() == AttestationResult.FAIL) {
      Evidence hit = evidence(record.value());
      for (Cohort cohort : cohorts(e, facts(record.key()))) {
        context.forward(record.withKey(cohort.key()).withValue(hit));
      }
    }
  }

  private DeviceFacts facts(String serial) {
    return DeviceFacts.of(facts.get(serial));
  }

  private void update(String serial, DeviceFacts next) {
    facts.put(serial, next.stored());
  }

  // Lot hits also feed the supplier join, so they are emitted when either is counted; the
  // topology keeps them out of the lot counts when lots are not counted themselves.
  private List<Cohort> cohorts(CustodyEvent e, DeviceFacts device) {
    List<Cohort> cohorts = new ArrayList<>();
    Cohort.addCounted(cohorts, rules, "site", e.getSite());
    Cohort.addCounted(cohorts, rules, "station", e.getStation());
    Cohort.addCounted(cohorts, rules, "firmware", device.firmware());
    if (rules.counts("lot") || rules.counts("supplier")) {
      device.lots().forEach(lot -> cohorts.add(new Cohort("lot", lot)));
    }
    return cohorts;
  }

  private static List<String> lots(Assembled assembled) {
    return assembled.getComponents().stream().map(ComponentRef::getLot).toList();
  }

  /** The failed attestation as evidence: its id, reporter, payload hash, serial and time. */
  static Evidence evidence(VerifiedEvent verified) {
    CustodyEvent e = verified.getEvent();
    return new Evidence(
        e.getEventId(),
        e.getPartnerId(),
        verified.getPayloadSha256(),
        e.getSubject(),
        e.getOccurredAt(),
        null);
  }
}
