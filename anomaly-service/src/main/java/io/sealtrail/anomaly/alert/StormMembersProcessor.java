package io.sealtrail.anomaly.alert;

import io.sealtrail.anomaly.spike.SpikeRules;
import io.sealtrail.avro.common.AlertType;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Pairs a cohort's failing serials with the spike raised for the same window, whichever arrives
 * first (records keyed by cohort, see {@link StormLinks}), and sends one {@link StormLink} per
 * serial, keyed by its device incident: every serial the window counted, not only the evidenced
 * ones. Each serial and the window's spike are kept once under {@code <end>|<cohort>/...}, so a
 * replayed hit or a later version of the spike sends nothing again; windows older than the spike
 * rules' folded retention are forgotten.
 */
public final class StormMembersProcessor implements Processor<String, String, String, String> {
  public static final String STORE = "anomaly-storm-members-store";

  private final SpikeRules rules;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> members;

  public StormMembersProcessor(SpikeRules rules) {
    this.rules = rules;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.members = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, String> record) {
    String value = record.value();
    if (value == null) {
      return;
    }
    if (value.startsWith(StormLinks.SPIKE)) {
      String[] spike = value.substring(StormLinks.SPIKE.length()).split(" ", 2);
      StormLink link = StormLink.parse(spike[1]);
      String window = window(link.windowEnd().toEpochMilli(), record.key());
      String kept = window + "/spike";
      if (members.get(kept) == null) {
        String child = StormLinks.CHILD_TYPE.get(AlertType.valueOf(spike[0])).toString();
        members.put(kept, child + " " + link.format());
        for (String serial : serials(window)) {
          forward(record, child, serial, link.format());
        }
      }
    } else {
      String serial = value.substring(StormLinks.SERIAL.length());
      String window = window(rules.windowEndOf(record.timestamp()), record.key());
      String kept = window + "/" + StormLinks.SERIAL + serial;
      if (members.get(kept) == null) {
        members.put(kept, "");
        String spike = members.get(window + "/spike");
        if (spike != null) {
          String[] parts = spike.split(" ", 2);
          forward(record, parts[0], serial, parts[1]);
        }
      }
    }
    forgetEndedBefore(context.currentStreamTimeMs() - rules.foldedRetention().toMillis());
  }

  private void forward(Record<String, String> cause, String child, String serial, String link) {
    context.forward(cause.withKey(child + ":" + serial).withValue(link));
  }

  private List<String> serials(String window) {
    String prefix = window + "/" + StormLinks.SERIAL;
    List<String> serials = new ArrayList<>();
    try (KeyValueIterator<String, String> found =
        members.prefixScan(prefix, Serdes.String().serializer())) {
      found.forEachRemaining(kv -> serials.add(kv.key.substring(prefix.length())));
    }
    return serials;
  }

  // Zero-padded, so the store iterates windows in time order and forgetting stops at the first
  // kept.
  private static String window(long endMillis, String cohort) {
    return String.format("%015d|%s", endMillis, cohort);
  }

  private void forgetEndedBefore(long endMillis) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, String> all = members.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> kv = all.next();
        if (Long.parseLong(kv.key.substring(0, kv.key.indexOf('|'))) >= endMillis) {
          break;
        }
        old.add(kv.key);
      }
    }
    old.forEach(members::delete);
  }
}
