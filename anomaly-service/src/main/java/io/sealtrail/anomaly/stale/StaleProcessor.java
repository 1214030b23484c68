package io.sealtrail.anomaly.stale;

import io.sealtrail.anomaly.alert.IncidentKey;
import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.avro.alert.SubjectKind;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.VerifiedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Watches every commissioned serial's attestations and reports once each one silent for longer than
 * its product's interval as an {@code ATTESTATION_STALE}: checked on stream time (a replay reports
 * the same devices at the same points) and on the wall clock (live, a device is reported on time
 * even when no other event ever comes), each every {@code check-every}.
 */
public final class StaleProcessor implements Processor<String, VerifiedEvent, String, Occurrence> {
  public static final String STORE = "anomaly-attestation-watch-store";

  private final StaleRules rules;
  private ProcessorContext<String, Occurrence> context;
  private KeyValueStore<String, String> watches;

  public StaleProcessor(StaleRules rules) {
    this.rules = rules;
  }

  @Override
  public void init(ProcessorContext<String, Occurrence> context) {
    this.context = context;
    this.watches = context.getStateStore(STORE);
    context.schedule(
        rules.checkEvery(),
        PunctuationType.STREAM_TIME,
        stream -> check(stream, context.currentSystemTimeMs()));
    context.schedule(
        rules.checkEvery(),
        PunctuationType.WALL_CLOCK_TIME,
        wall -> check(context.currentStreamTimeMs(), wall));
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    CustodyEvent e = record.value().getEvent();
    Watch before = Watch.parse(watches.get(record.key()));
    Watch after = next(before, e, context.currentSystemTimeMs());
    if (after != before) {
      watches.put(record.key(), after.format());
    }
  }

  private static Watch next(Watch w, CustodyEvent e, long arrived) {
    long at = e.getOccurredAt().toEpochMilli();
    switch (e.getType()) {
      case ASSEMBLED:
        return e.getDetail() instanceof Assembled
            ? w.assembled(((Assembled) e.getDetail()).getProduct())
            : w;
      case COMMISSIONED:
        return w.commissionedAt(at, arrived);
      case ATTESTED:
        return w.attestedAt(at, arrived);
      case DECOMMISSIONED:
        return w.decommissioned();
      default:
        return w;
    }
  }

  private void check(long streamTime, long wall) {
    try (KeyValueIterator<String, String> all = watches.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> entry = all.next();
        Watch w = Watch.parse(entry.value);
        if (w.isOverdue(streamTime, wall, rules)) {
          watches.put(entry.key, w.reportedOverdue().format());
          // Reported at the clock that found it silent: stream time in a replay, else the wall's.
          long now = w.silentOnStreamTime(streamTime, rules) ? streamTime : wall;
          Occurrence o = overdue(entry.key, w, now);
          context.forward(new Record<>(entry.key, o, now));
        }
      }
    }
  }

  private Occurrence overdue(String serial, Watch w, long now) {
    Instant last = Instant.ofEpochMilli(w.lastHeardMillis());
    return new Occurrence(
        new IncidentKey(AlertType.ATTESTATION_STALE, SubjectKind.SERIAL, serial),
        Severity.MEDIUM,
        serial
            + " has not attested since "
            + last
            + " (expected every "
            + rules.intervalFor(w.product())
            + ")",
        Instant.ofEpochMilli(now),
        List.of(),
        w.product() == null
            ? Map.of("lastAttestedAt", last.toString())
            : Map.of("product", w.product(), "lastAttestedAt", last.toString()),
        List.of("/v1/serials/" + serial + "/history"));
  }
}
