package io.sealtrail.custody.topology;

import io.sealtrail.custody.process.ContentsProcessor;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.custody.process.Outcome;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Container fan-out: a container's packing, unpacking, shipping, receiving and seal events are
 * re-keyed by each serial it holds through the named repartition topic {@value #REPARTITION}, and
 * folded into that serial's state by the contents processor, which shares the state store.
 */
final class ContainerTopology {
  static final String REPARTITION = "custody-container-contents";

  private ContainerTopology() {}

  /** The outcomes of applying container events to what the containers hold. */
  static KStream<String, Outcome> define(KStream<String, Outcome> outcomes, Topics topics) {
    return outcomes
        .flatMap((container, outcome) -> outcome.carried(), Named.as("custody-container-fanout"))
        .repartition(
            Repartitioned.with(topics.events().keySerde(), topics.events().valueSerde())
                .withName(REPARTITION))
        .process(
            ContentsProcessor::new,
            Named.as("custody-contents-processor"),
            CustodyStores.STATE,
            CustodyStores.HISTORY,
            CustodyStores.HELD_VIOLATIONS);
  }
}
