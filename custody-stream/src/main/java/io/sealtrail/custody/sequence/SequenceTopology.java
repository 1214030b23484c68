package io.sealtrail.custody.sequence;

import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.process.Storage;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Sequence continuity per (partner, stream): the events that carry a stream and sequence number,
 * re-keyed by {@link StreamKey} through the named repartition topic {@value #REPARTITION}, so one
 * stream's numbers meet on one partition, whatever serials they are about; SEQUENCE_GAP and
 * SEQUENCE_REUSE to {@code custody.violations}.
 */
public final class SequenceTopology {
  static final String REPARTITION = "custody-sequence-streams";

  private SequenceTopology() {}

  public static void define(
      StreamsBuilder builder,
      KStream<String, VerifiedEvent> events,
      CustodyTopics topics,
      DetectionRules rules,
      Storage storage) {
    SequenceStores.addTo(builder, topics, storage);
    events
        .filter((serial, event) -> numbered(event), Named.as("custody-sequence-filter"))
        .selectKey(
            (serial, event) -> StreamKey.of(event.getEvent()),
            Named.as("custody-sequence-by-stream"))
        .repartition(
            Repartitioned.with(topics.events().keySerde(), topics.events().valueSerde())
                .withName(REPARTITION))
        .process(
            () -> new SequenceProcessor(rules.grace()),
            Named.as("custody-sequence-processor"),
            SequenceStores.NUMBERS,
            SequenceStores.FRONTIERS,
            SequenceStores.GAPS)
        .to(
            topics.violations().name(),
            Produced.with(topics.violations().keySerde(), topics.violations().valueSerde())
                .withName("custody-sequence-violations-sink"));
  }

  private static boolean numbered(VerifiedEvent event) {
    if (event == null) {
      return false;
    }
    CustodyEvent e = event.getEvent();
    return e.getStream() != null && e.getSequence() != null;
  }
}
