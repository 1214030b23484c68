package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.fixture.BenchIngest;
import io.sealtrail.bench.fixture.BenchPartner;
import io.sealtrail.bench.fixture.Envelopes;
import io.sealtrail.bench.fixture.OutcomeCounter;
import io.sealtrail.bench.kafka.RawProducerRun;
import io.sealtrail.bench.kafka.RawProducerRun.Keyed;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Item 2: verified events per second from {@code custody.inbound} to {@code custody.events} through
 * a real {@link IngestNode}, against an acks=all idempotent producer writing the very same
 * envelopes (which is how they are loaded) and against the one-thread signature ceiling.
 */
public final class IngestKafkaPath implements Scenario {
  /** The topic the accepted events are on, for the custody-stream scenario. */
  public static final String EVENTS_TOPIC = "ingest.events-topic";

  /** Its verified events/s (a Double): the baseline of batched HTTP ingest (issue #20). */
  public static final String VERIFIED_RATE = "ingest.verified-events-per-second";

  @Override
  public String name() {
    return "ingest-kafka";
  }

  @Override
  public List<Row> run(BenchContext context) throws Exception {
    var cluster = context.cluster();
    String prefix = context.fresh("ingest");
    var partner = new BenchPartner();
    IngestConfig config = BenchIngest.prepare(cluster, prefix, partner);
    int devices = context.scale().ingestDevices();
    Progress.say("ingest-kafka: signing %,d events", devices * 4);
    List<byte[]> envelopes = Envelopes.assemblies(partner, prefix, devices);
    List<Keyed> records = Envelopes.keyedByDevice(prefix, envelopes);
    Progress.say("ingest-kafka: raw producer baseline, %,d records", records.size());
    double producer =
        RawProducerRun.recordsPerSecond(
            cluster.bootstrapServers(), config.topics().inbound(), records);
    Progress.say("ingest-kafka: ingest node verifies them");
    var counter = new OutcomeCounter(records.size());
    double ingest;
    try (IngestNode node =
        IngestNode.start(
            config, IngestNode.Options.defaults().withoutServer().withListener(counter))) {
      ingest = counter.awaitRate(Duration.ofMinutes(5));
    }
    context.remember(EVENTS_TOPIC, config.topics().events());
    context.remember(VERIFIED_RATE, ingest);
    int bytes = (int) envelopes.stream().mapToInt(e -> e.length).average().orElse(0);
    List<Row> rows = new ArrayList<>();
    String figure = "ingest inbound→events, verified events/s (" + bytes + " B envelopes)";
    rows.add(
        new Row(
            2,
            figure,
            Row.of(ingest, "events/s"),
            "raw producer, acks=all idempotent, same records",
            Row.of(producer, "records/s")));
    context
        .recalled(SignatureCeiling.SUBMISSION_CHECKS, Double.class)
        .ifPresent(
            ceiling ->
                rows.add(
                    new Row(
                        2,
                        figure,
                        Row.of(ingest, "events/s"),
                        "item 1: " + SignatureCeiling.SUBMISSION_CHECKS,
                        Row.of(ceiling, "ops/s"))));
    return rows;
  }
}
