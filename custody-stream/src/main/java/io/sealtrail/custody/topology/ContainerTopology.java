package io.sealtrail.custody.topology;

import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.custody.process.ContentsProcessor;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.custody.process.StepOutput;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Container fan-out: a container's packing, unpacking, shipping, receiving and seal events are
 * re-keyed by each serial it holds through the named repartition topic {@value #REPARTITION}, and
 * folded into that serial's state by the contents processor, which shares the state store. A held
 * serial that is a container passes the event on to what it holds, one level of nesting per stage,
 * down to {@value #NESTING_LIMIT} levels below the container whose event it is (pallet, carton,
 * box, device); deeper contents are not reached.
 */
final class ContainerTopology {
  static final String REPARTITION = "custody-container-contents";

  /**
   * Levels of contents a container's event reaches. The DSL cannot loop a stream back into its own
   * repartition topic, so each level is a stage of its own, with its own named repartition topic.
   */
  static final int NESTING_LIMIT = 3;

  private ContainerTopology() {}

  /** The outcomes of applying container events to what the containers hold, at every level. */
  static KStream<String, StepOutput> define(
      KStream<String, StepOutput> outcomes, CustodyTopics topics) {
    KStream<String, StepOutput> level = level(outcomes, topics, 1);
    KStream<String, StepOutput> all = level;
    for (int depth = 2; depth <= NESTING_LIMIT; depth++) {
      level = level(level, topics, depth);
      all = all.merge(level, Named.as("custody-contents-outcomes" + suffix(depth)));
    }
    return all;
  }

  /** One level: the events carried by {@code above}, applied to what they are re-keyed by. */
  private static KStream<String, StepOutput> level(
      KStream<String, StepOutput> above, CustodyTopics topics, int depth) {
    return above
        .flatMap(
            (container, outcome) -> outcome.carried(),
            Named.as("custody-container-fanout" + suffix(depth)))
        .repartition(
            Repartitioned.with(topics.events().keySerde(), topics.events().valueSerde())
                .withName(REPARTITION + suffix(depth)))
        .process(
            ContentsProcessor::new,
            Named.as("custody-contents-processor" + suffix(depth)),
            CustodyStores.STATE,
            CustodyStores.HISTORY,
            CustodyStores.HELD_VIOLATIONS,
            CustodyStores.IN_TIME_JUDGEMENTS);
  }

  /** Nothing for the first level, whose names predate nesting and must not change. */
  private static String suffix(int depth) {
    return depth == 1 ? "" : "-" + depth;
  }
}
