package io.sealtrail.custody.topology;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.custody.campaign.CampaignStore;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.detect.Settles;
import io.sealtrail.custody.event.EventDetails;
import io.sealtrail.custody.hold.HoldStore;
import io.sealtrail.custody.inventory.InventoryTopology;
import io.sealtrail.custody.layout.LayoutStore;
import io.sealtrail.custody.lineage.LineageTopology;
import io.sealtrail.custody.policy.PolicyStore;
import io.sealtrail.custody.process.CustodyProcessor;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.custody.process.InputPartition;
import io.sealtrail.custody.process.StepOutput;
import io.sealtrail.custody.process.Storage;
import io.sealtrail.custody.provenance.ProvenanceTopology;
import io.sealtrail.custody.sequence.SequenceTopology;
import io.sealtrail.custody.shipment.ShipmentTopology;
import io.sealtrail.platform.kafka.InputLag;
import io.sealtrail.platform.topic.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.ValueMapper;

/**
 * The custody topology: custody events, keyed by serial, through the custody processor and its
 * stores, to the state and violations topics. Pure: it only adds named nodes to the builder.
 */
public final class CustodyTopology {
  private CustodyTopology() {}

  /** The topology with the default {@link Settles}. */
  public static void define(
      StreamsBuilder builder, CustodyTopics topics, DetectionRules rules, Storage storage) {
    define(builder, topics, rules, Settles.defaults(), storage);
  }

  /** The topology whose idle tasks ask their stream thread's consumer for their input's lag. */
  public static void define(
      StreamsBuilder builder,
      CustodyTopics topics,
      DetectionRules rules,
      Settles settles,
      Storage storage) {
    define(builder, topics, rules, settles, storage, InputLag.OF_CALLING_THREAD);
  }

  public static void define(
      StreamsBuilder builder,
      CustodyTopics topics,
      DetectionRules rules,
      Settles settles,
      Storage storage,
      InputLag lag) {
    builder.addStateStore(CustodyStores.state(topics.state().valueSerde(), storage));
    builder.addStateStore(CustodyStores.heldViolations(topics.violations().valueSerde(), storage));
    builder.addStateStore(CustodyStores.history(topics.events().valueSerde(), storage));
    builder.addStateStore(CustodyStores.inTimeJudgements(storage));
    KStream<String, VerifiedEvent> events =
        builder.stream(
                topics.events().name(),
                Consumed.with(topics.events().keySerde(), topics.events().valueSerde())
                    .withTimestampExtractor(new OccurredAtExtractor())
                    .withName("custody-events-source"))
            .peek(
                (serial, event) -> EventDetails.requireWellFormed(event),
                Named.as("custody-events-well-formed"));
    ReleaseTable.define(builder, events, topics.releases(), storage);
    HoldStore.define(builder, topics.holds());
    LayoutStore.define(builder, topics.layouts(), storage);
    PolicyStore.define(builder, topics.policy());
    CampaignStore.define(builder, topics.campaigns(), storage);
    DeviceKeyTopology.define(builder, events, topics, storage);
    // Before the custody processor: an event's lot facts go out before the watermark it moves.
    KStream<String, VerifiedEvent> lotFacts = LineageTopology.lotFacts(events);
    SequenceTopology.define(builder, events, topics, rules, storage);
    ShipmentTopology.define(builder, events, topics, rules, settles.shipment(), storage);
    KStream<String, StepOutput> outcomes =
        events.process(
            () ->
                new CustodyProcessor(
                    rules,
                    settles,
                    ReleaseTable.decoder(topics.releases()),
                    new InputPartition(topics.events().name(), lag)),
            Named.as("custody-processor"),
            CustodyStores.STATE,
            CustodyStores.HELD_VIOLATIONS,
            CustodyStores.HISTORY,
            CustodyStores.IN_TIME_JUDGEMENTS);
    ReleaseTable.publishWatermarks(outcomes, topics.releases().name());
    ProvenanceTopology.define(
        builder,
        events,
        LineageTopology.define(
            builder, events, lotFacts, outcomes, topics.events().valueSerde(), storage),
        topics,
        rules,
        settles.provenance(),
        storage);
    InventoryTopology.define(
        builder,
        outcomes.flatMap((serial, o) -> o.firmware(), Named.as("custody-firmware-changes")),
        storage);
    KStream<String, StepOutput> all =
        outcomes.merge(ContainerTopology.define(outcomes, topics), Named.as("custody-outcomes"));
    publish(all, StepOutput::states, topics.state(), "custody-state");
    publish(all, StepOutput::violations, topics.violations(), "custody-violations");
  }

  private static <V> void publish(
      KStream<String, StepOutput> outcomes,
      ValueMapper<StepOutput, Iterable<V>> part,
      Topic<V> topic,
      String name) {
    outcomes
        .flatMapValues(part, Named.as(name + "-changes"))
        .to(
            topic.name(),
            Produced.with(topic.keySerde(), topic.valueSerde()).withName(name + "-sink"));
  }
}
