package io.sealtrail.custody.process;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.detect.SharedKeyCheck;
import io.sealtrail.custody.detect.Violations;
import io.sealtrail.custody.event.Observation;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Remembers which serial holds each device key, from KEY_PROVISIONED events re-keyed by keyid, and
 * raises CLONE_SUSPECTED, keyed by the suspect serial, when a second serial gets the same key.
 */
public final class DeviceKeyProcessor
    implements Processor<String, VerifiedEvent, String, Violation> {
  private ProcessorContext<String, Violation> context;
  private KeyValueStore<String, VerifiedEvent> holders;

  @Override
  public void init(ProcessorContext<String, Violation> context) {
    this.context = context;
    this.holders = context.getStateStore(CustodyStores.KEY_HOLDERS);
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    String keyId = record.key();
    Observation claim = new Observation(record.value());
    VerifiedEvent stored = holders.get(keyId);
    if (stored == null) {
      holders.put(keyId, record.value());
      return;
    }
    Observation holder = new Observation(stored);
    holders.put(keyId, SharedKeyCheck.earlier(holder, claim).verified());
    Observation suspect = SharedKeyCheck.later(holder, claim);
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    SharedKeyCheck.judge(keyId, holder, claim)
        .map(finding -> Violations.of(finding, suspect, now))
        .ifPresent(v -> context.forward(new Record<>(v.getSerial(), v, record.timestamp())));
  }
}
