package io.sealtrail.custody.shipment;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.process.Storage;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Overdue shipments: each serial's own events (keyed by serial, so no repartition; every event
 * moves stream time, and a deadline is decided on the first event past it) through the overdue
 * processor and its stores to {@code custody.violations}. DIVERSION and ROUTE_MISMATCH, which a
 * receipt alone shows against the serial's state, are in the custody processor's catalogue.
 */
public final class ShipmentTopology {
  private ShipmentTopology() {}

  public static void define(
      StreamsBuilder builder,
      KStream<String, VerifiedEvent> events,
      CustodyTopics topics,
      DetectionRules rules,
      Duration settle,
      Storage storage) {
    builder.addStateStore(
        storage.store(ShipmentDeadlines.DEADLINES, topics.violations().valueSerde()));
    builder.addStateStore(storage.store(ShipmentDeadlines.RECEIPTS, Serdes.Long()));
    events
        .process(
            () -> new OverdueProcessor(rules, settle),
            Named.as("custody-shipment-deadlines-processor"),
            ShipmentDeadlines.DEADLINES,
            ShipmentDeadlines.RECEIPTS)
        .to(
            topics.violations().name(),
            Produced.with(topics.violations().keySerde(), topics.violations().valueSerde())
                .withName("custody-shipment-violations-sink"));
  }
}
