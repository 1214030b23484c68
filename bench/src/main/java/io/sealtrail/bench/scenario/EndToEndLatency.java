package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Machine;
import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.fixture.BenchPartner;
import io.sealtrail.bench.fixture.Envelopes;
import io.sealtrail.bench.kafka.Clients;
import io.sealtrail.bench.latency.Arrivals;
import io.sealtrail.bench.latency.ConstantRate;
import io.sealtrail.bench.latency.Latencies;
import io.sealtrail.bench.latency.Pipeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Item 5: latency from submission to violation and to alert at each fixed offered rate of the scale
 * (100/s and a sustained 1,000/s; a broken seal per fresh serial: custody-stream raises SEAL_BROKEN
 * at once, anomaly opens an alert), measured from each intended send time; baseline: the same
 * envelopes at the same rate through a plain acks=all producer to a read_committed consumer on the
 * same broker.
 */
public final class EndToEndLatency implements Scenario {
  private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(60);
  private static final int WARM_UP_SECONDS = 5;
  private static final double[] PERCENTILES = {50, 99, 99.9};

  @Override
  public String name() {
    return "latency";
  }

  /** The envelopes of one rate: a warm-up, then the measured ones, each on a fresh serial. */
  private record Load(int rate, List<byte[]> warmUp, List<byte[]> envelopes, List<String> serials) {
    static Load at(int rate, Duration duration, BenchPartner partner, String prefix) {
      int count = (int) (rate * duration.toSeconds());
      String run = prefix + ".r" + rate;
      return new Load(
          rate,
          Envelopes.brokenSeals(partner, run + "w", rate * WARM_UP_SECONDS),
          Envelopes.brokenSeals(partner, run, count),
          IntStream.range(0, count).mapToObj(i -> Envelopes.serial(run, i)).toList());
    }
  }

  @Override
  public List<Row> run(BenchContext context) throws Exception {
    var cluster = context.cluster();
    String prefix = context.fresh("latency");
    var partner = new BenchPartner();
    List<Load> loads =
        context.scale().latencyRates().stream()
            .map(rate -> Load.at(rate, context.scale().latencyDuration(), partner, prefix))
            .toList();
    Map<Integer, Histogram> raw = new HashMap<>();
    for (Load load : loads) {
      Progress.say(
          "latency: raw baseline, %,d records at %,d/s", load.serials().size(), load.rate());
      raw.put(load.rate(), rawBaseline(context, prefix + ".raw" + load.rate(), load));
    }
    Progress.say("latency: starting ingest, custody-stream and anomaly");
    List<Row> rows = new ArrayList<>();
    try (Pipeline pipeline = Pipeline.start(cluster, prefix, partner);
        Arrivals violations =
            new Arrivals(cluster.bootstrapServers(), pipeline.violationsTopic(), k -> k);
        Arrivals alerts =
            new Arrivals(
                cluster.bootstrapServers(), pipeline.alertsTopic(), Pipeline::serialOfAlert)) {
      for (Load load : loads) {
        int rate = load.rate();
        Progress.say("latency: warm-up, %,d submissions at %,d/s", load.warmUp().size(), rate);
        ConstantRate.offer(load.warmUp().size(), rate, i -> pipeline.submit(load.warmUp().get(i)));
        Progress.say(
            "latency: %,d submissions at %,d/s (load %s)",
            load.serials().size(), rate, Machine.loadAverage());
        long[] intended =
            ConstantRate.offer(
                load.serials().size(), rate, i -> pipeline.submit(load.envelopes().get(i)));
        Histogram toViolation =
            Latencies.of("violations", load.serials(), intended, violations, ARRIVAL_TIMEOUT);
        Histogram toAlert =
            Latencies.of("alerts", load.serials(), intended, alerts, ARRIVAL_TIMEOUT);
        rows.addAll(rows(rate, toViolation, toAlert, raw.get(rate)));
      }
    }
    return rows;
  }

  private static List<Row> rows(int rate, Histogram toViolation, Histogram toAlert, Histogram raw) {
    List<Row> rows = new ArrayList<>();
    String baseline = "raw produce→read_committed consume, same records and rate";
    for (double p : PERCENTILES) {
      String at = " at " + rate + "/s, p" + (p == 99.9 ? "99.9" : String.valueOf((int) p));
      rows.add(new Row(5, "submission→violation" + at, ms(toViolation, p), baseline, ms(raw, p)));
      rows.add(new Row(5, "submission→alert" + at, ms(toAlert, p), baseline, ms(raw, p)));
    }
    return rows;
  }

  private static Histogram rawBaseline(BenchContext context, String topic, Load load)
      throws Exception {
    String bootstrap = context.cluster().bootstrapServers();
    context.cluster().createTopics(Set.of(topic));
    try (var producer = Clients.durableProducer(bootstrap);
        Arrivals arrivals = new Arrivals(bootstrap, topic, k -> k)) {
      byte[] warmKey = "warm-up".getBytes(StandardCharsets.UTF_8);
      ConstantRate.offer(
          load.warmUp().size(),
          load.rate(),
          i -> producer.send(new ProducerRecord<>(topic, warmKey, load.warmUp().get(i))));
      long[] intended =
          ConstantRate.offer(
              load.serials().size(),
              load.rate(),
              i ->
                  producer.send(
                      new ProducerRecord<>(
                          topic,
                          load.serials().get(i).getBytes(StandardCharsets.UTF_8),
                          load.envelopes().get(i))));
      return Latencies.of("raw", load.serials(), intended, arrivals, ARRIVAL_TIMEOUT);
    }
  }

  private static Row.Measure ms(Histogram histogram, double percentile) {
    return Row.of(histogram.getValueAtPercentile(percentile) / 1000.0, "ms");
  }
}
