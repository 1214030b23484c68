package io.sealtrail.cli.demo;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.layout.Layout;
import io.sealtrail.custody.layout.LayoutHistory;
import io.sealtrail.custody.layout.LayoutJson;
import io.sealtrail.custody.process.CustodyProcessor;
import io.sealtrail.custody.process.Storage;
import io.sealtrail.custody.topology.CustodyTopology;
import io.sealtrail.ingest.pipeline.IngestJudge;
import io.sealtrail.registry.client.MockRegistries;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Plays demo events through what production does with them: ingest's checks and mapping with the
 * demo cast registered, then custody-stream's topology in a {@link TopologyTestDriver}. Rejected
 * events are kept aside with their reason.
 */
final class CustodyReplay implements AutoCloseable {
  private final String scope = "demo-" + UUID.randomUUID();
  private final IngestJudge ingest;
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, VerifiedEvent> events;
  private final TestOutputTopic<String, Violation> violations;
  private final List<String> rejections = new ArrayList<>();

  CustodyReplay(DemoCast cast) {
    List<Partner> partners = new ArrayList<>();
    for (DemoPartner p : cast.all()) {
      var key = PartnerKey.unbounded(p.key().verifier());
      partners.add(
          new Partner(
              p.partnerId(),
              java.util.Set.copyOf(p.roles()),
              java.util.Set.copyOf(p.sites()),
              List.of(key)));
    }
    PartnerDirectory directory = PartnerDirectory.of(partners);
    ingest = new IngestJudge(new SubmissionVerifier(() -> directory, Policy.defaults()));
    // The rules the demo platform runs with (its approved suppliers, among others).
    Map<String, String> settings = new java.util.HashMap<>(DemoSettings.PLATFORM);
    settings.putAll(
        Map.of(
            "application.id",
            "demo-test",
            "state.dir",
            "target/kafka-streams/" + scope,
            CustodyConfig.SCHEMA_REGISTRY_URL,
            "mock://" + scope));
    var config = CustodyConfig.from(settings);
    CustodyTopics topics = CustodyTopics.from(config, config.serdeConfig());
    StreamsBuilder builder = new StreamsBuilder();
    CustodyTopology.define(builder, topics, config.rules(), config.settles(), Storage.IN_MEMORY);
    var properties = config.streams().properties();
    driver = new TopologyTestDriver(builder.build(properties), properties);
    events =
        driver.createInputTopic(
            topics.events().name(),
            topics.events().keySerde().serializer(),
            topics.events().valueSerde().serializer());
    // The demo's process layout, set before any event as the demo does (ADR 14).
    LayoutJson.Proposal layout = LayoutJson.proposal(Firmware.PRODUCT, LayoutCases.LAYOUT);
    driver
        .createInputTopic(
            topics.layouts().name(),
            topics.layouts().keySerde().serializer(),
            topics.layouts().valueSerde().serializer())
        .pipeInput(
            Firmware.PRODUCT,
            LayoutJson.write(
                LayoutHistory.none(Firmware.PRODUCT)
                    .with(
                        new Layout(
                            Firmware.PRODUCT,
                            1,
                            java.time.Instant.EPOCH,
                            "local-admin",
                            layout.steps(),
                            layout.bomRevisions()))));
    violations =
        driver.createOutputTopic(
            topics.violations().name(),
            topics.violations().keySerde().deserializer(),
            topics.violations().valueSerde().deserializer());
  }

  /**
   * Sends each event as ingest would, in order, then lets the grace pass on the wall clock with no
   * more traffic, so every held decision is taken; returns this for chaining.
   */
  CustodyReplay play(List<DemoEvent> demoEvents) {
    for (DemoEvent e : demoEvents) {
      byte[] envelope = EnvelopeJson.write(e.envelope()).getBytes(StandardCharsets.UTF_8);
      ingest.judge(
          envelope,
          e.occurredAt().plusSeconds(1),
          verified -> events.pipeInput(e.subject(), verified),
          rejections::add);
    }
    // As a live deployment after the last event: idle, it decides what it held on the wall clock.
    driver.advanceWallClockTime(DetectionRules.DEFAULT_GRACE.plus(CustodyProcessor.QUIET));
    driver.advanceWallClockTime(CustodyProcessor.QUIET);
    return this;
  }

  List<Violation> violations() {
    return violations.readValuesToList();
  }

  List<String> rejections() {
    return List.copyOf(rejections);
  }

  @Override
  public void close() {
    driver.close();
    MockRegistries.drop(scope);
  }
}
