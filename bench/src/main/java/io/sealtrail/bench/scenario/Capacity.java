package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Machine;
import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.capacity.Ladder;
import io.sealtrail.bench.capacity.LatencyChart;
import io.sealtrail.bench.capacity.Step;
import io.sealtrail.bench.capacity.StepMeter;
import io.sealtrail.bench.fixture.BenchPartner;
import io.sealtrail.bench.fixture.Envelopes;
import io.sealtrail.bench.kafka.Clients;
import io.sealtrail.bench.latency.Arrivals;
import io.sealtrail.bench.latency.ConstantRate;
import io.sealtrail.bench.latency.Pipeline;
import io.sealtrail.bench.soak.ConsumerLag;
import io.sealtrail.ingest.gateway.SubmissionResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Item 9, issue #20's capacity: constant offered load in rising steps (open loop), each held for
 * the scale's step time, one broken seal per fresh serial through the ingest gateway →
 * custody-stream → anomaly (all exactly-once, as {@link EndToEndLatency} wires them). A step is
 * held when submission → alert p99 is at most 1 s and the summed lag of the pipeline's consumer
 * groups is bounded ({@link Step}); the capacity is the highest step held, and the climb stops at
 * the first step not held. Baseline: the same steps (up to where the pipeline stopped) through a
 * plain acks=all producer to a read_committed consumer, each held {@link #RAW_HOLD} at most, judged
 * by the same rule with its lag the records sent and not yet read.
 */
public final class Capacity implements Scenario {
  /** The raw path holds any of these rates easily; a shorter hold keeps the run short. */
  static final Duration RAW_HOLD = Duration.ofSeconds(15);

  /** Where {@link io.sealtrail.bench.BenchSuite} keeps the chart's path for this scenario. */
  public static final String CHART = "capacity.chart";

  private static final Path DEFAULT_CHART = Path.of("docs/benchmarks-capacity.png");
  private static final int WARM_UP_SECONDS = 10;

  @Override
  public String name() {
    return "capacity";
  }

  @Override
  public List<Row> run(BenchContext context) throws Exception {
    Scale scale = context.scale();
    Duration hold = scale.capacityStep();
    String prefix = context.fresh("capacity");
    var partner = new BenchPartner();
    var cluster = context.cluster();
    Path chart = context.recalled(CHART, Path.class).orElse(DEFAULT_CHART);
    Ladder pipelineLadder;
    Progress.say("capacity: starting ingest, custody-stream and anomaly");
    try (Pipeline pipeline = Pipeline.start(cluster, prefix, partner);
        Arrivals alerts =
            new Arrivals(
                cluster.bootstrapServers(), pipeline.alertsTopic(), Pipeline::serialOfAlert);
        ConsumerLag lag = new ConsumerLag(cluster.bootstrapServers())) {
      int first = scale.capacityRates().get(0);
      List<byte[]> warmUp = Envelopes.brokenSeals(partner, prefix + ".w", first * WARM_UP_SECONDS);
      Progress.say("capacity: warm-up, %,d submissions at %,d/s", warmUp.size(), first);
      ConstantRate.offer(warmUp.size(), first, i -> pipeline.submit(warmUp.get(i)));
      pipelineLadder =
          Ladder.climb(
              scale.capacityRates(),
              rate -> {
                String run = prefix + ".s" + rate;
                Load load = Load.signed(partner, run, rate, hold);
                return step(
                    "pipeline",
                    rate,
                    hold,
                    load,
                    i -> accepted(pipeline.submit(load.envelopes().get(i))),
                    alerts,
                    // ingest's group prefix is the pipeline's prefix; custody-stream's and
                    // anomaly's application ids start with it.
                    () -> lag.total(group -> group.startsWith(prefix)));
              });
    }
    Progress.say("capacity: %s", pipelineLadder.summary());
    List<Integer> ran = pipelineLadder.steps().stream().map(Step::offered).toList();
    Duration rawHold = hold.compareTo(RAW_HOLD) < 0 ? hold : RAW_HOLD;
    Ladder raw = rawLadder(context, prefix + ".raw", partner, ran, rawHold);
    Progress.say("capacity: raw baseline %s", raw.summary());
    LatencyChart.write(
        chart,
        "Sealtrail capacity: submission → alert latency against offered rate",
        pipelineLadder,
        raw);
    Progress.say("capacity: chart in %s", chart);
    String steps =
        String.format(
            "Capacity steps (`capacity`, each held %d s, load %s at the end): %s.%n%n%s%n"
                + "Raw produce→read_committed consume at the same steps (each held %d s): %s.%n%n%s",
            hold.toSeconds(),
            Machine.loadAverage(),
            pipelineLadder.summary(),
            pipelineLadder.table(),
            rawHold.toSeconds(),
            raw.summary(),
            raw.table());
    System.out.println(steps);
    context.note(steps);
    return List.of(
        new Row(
            9,
            "capacity: highest constant rate held "
                + hold.toSeconds()
                + " s with submission→alert p99 ≤ 1 s and lag bounded"
                + (pipelineLadder.stopped() ? "" : " (every step held: at least)"),
            Row.of(pipelineLadder.capacity(), "events/s"),
            "raw produce→read_committed consume, same steps held "
                + rawHold.toSeconds()
                + " s"
                + (raw.stopped() ? "" : " (every step held: at least)"),
            Row.of(raw.capacity(), "events/s")));
  }

  /** The signed envelopes of one step, each on a fresh serial. */
  private record Load(List<byte[]> envelopes, List<String> serials) {
    static Load signed(BenchPartner partner, String run, int rate, Duration hold) {
      int count = (int) (rate * hold.toSeconds());
      Progress.say("capacity: signing %,d envelopes", count);
      return new Load(
          Envelopes.brokenSeals(partner, run, count),
          IntStream.range(0, count).mapToObj(i -> Envelopes.serial(run, i)).toList());
    }
  }

  private static Ladder rawLadder(
      BenchContext context, String topic, BenchPartner partner, List<Integer> rates, Duration hold)
      throws Exception {
    String bootstrap = context.cluster().bootstrapServers();
    context.cluster().createTopics(Set.of(topic));
    AtomicLong sent = new AtomicLong();
    try (var producer = Clients.durableProducer(bootstrap);
        Arrivals arrivals = new Arrivals(bootstrap, topic, k -> k)) {
      return Ladder.climb(
          rates,
          rate -> {
            Load load = Load.signed(partner, topic + ".s" + rate, rate, hold);
            return step(
                "raw",
                rate,
                hold,
                load,
                i -> {
                  sent.incrementAndGet();
                  var acked = new CompletableFuture<Boolean>();
                  producer.send(
                      new ProducerRecord<>(
                          topic,
                          load.serials().get(i).getBytes(StandardCharsets.UTF_8),
                          load.envelopes().get(i)),
                      (metadata, error) -> acked.complete(error == null));
                  return acked;
                },
                arrivals,
                () -> sent.get() - arrivals.arrived());
          });
    }
  }

  /** Runs one step of {@code path}, with its progress lines before and after. */
  private static Step step(
      String path,
      int rate,
      Duration hold,
      Load load,
      StepMeter.Sender sender,
      Arrivals arrivals,
      LongSupplier lag)
      throws InterruptedException {
    Progress.say(
        "capacity: %s step %,d events/s for %d s (load %s)",
        path, rate, hold.toSeconds(), Machine.loadAverage());
    Step step =
        StepMeter.measure(
            path + " at " + rate + "/s",
            rate,
            load.serials(),
            sender,
            arrivals,
            lag,
            lagEvery(hold),
            drain(hold));
    Progress.say(
        "capacity: %s %,d/s → accepted %,.0f/s, p50 %.1f ms, p99 %.1f ms, lag at end %,d,"
            + " missing %,d: %s",
        path,
        step.offered(),
        step.accepted(),
        step.p50Ms(),
        step.p99Ms(),
        step.endLag(),
        step.missing(),
        step.verdict());
    return step;
  }

  private static CompletableFuture<Boolean> accepted(CompletableFuture<SubmissionResult> result) {
    return result.handle((r, error) -> r instanceof SubmissionResult.Accepted);
  }

  /** About 20 lag samples a step, at most one every 3 s and at least every 0.5 s. */
  private static Duration lagEvery(Duration hold) {
    long millis = Math.max(500, Math.min(3_000, hold.toMillis() / 20));
    return Duration.ofMillis(millis);
  }

  /** How long to wait after a step for its last arrivals: a held step needs about 1 s. */
  private static Duration drain(Duration hold) {
    return Duration.ofSeconds(Math.max(10, hold.toSeconds() / 2));
  }
}
