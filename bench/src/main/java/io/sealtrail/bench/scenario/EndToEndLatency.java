package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.fixture.BenchPartner;
import io.sealtrail.bench.fixture.Envelopes;
import io.sealtrail.bench.kafka.Clients;
import io.sealtrail.bench.latency.Arrivals;
import io.sealtrail.bench.latency.ConstantRate;
import io.sealtrail.bench.latency.Latencies;
import io.sealtrail.bench.latency.Pipeline;
import io.sealtrail.ingest.submission.Submission;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Item 5: latency from submission to violation and to alert at a fixed offered rate (a broken seal
 * per fresh serial: custody-stream raises SEAL_BROKEN at once, anomaly opens an alert), measured
 * from each intended send time; baseline: the same envelopes at the same rate through a plain
 * acks=all producer to a read_committed consumer on the same broker.
 */
public final class EndToEndLatency implements Scenario {
  private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(60);
  private static final double[] PERCENTILES = {50, 99, 99.9};

  @Override
  public String name() {
    return "latency";
  }

  @Override
  public List<Row> run(BenchContext context) throws Exception {
    var cluster = context.cluster();
    String prefix = context.fresh("latency");
    int rate = context.scale().latencyRate();
    int count = (int) (rate * context.scale().latencyDuration().toSeconds());
    var partner = new BenchPartner();
    List<byte[]> warmUp = Envelopes.brokenSeals(partner, prefix + "w", rate * 5);
    List<byte[]> envelopes = Envelopes.brokenSeals(partner, prefix, count);
    List<String> serials =
        IntStream.range(0, count).mapToObj(i -> Envelopes.serial(prefix, i)).toList();
    Progress.say("latency: raw baseline, %,d records at %d/s", count, rate);
    Histogram raw = rawBaseline(context, prefix + ".raw", warmUp, envelopes, serials, rate);
    Progress.say("latency: starting ingest, custody-stream and anomaly");
    try (Pipeline pipeline = Pipeline.start(cluster, prefix, partner);
        Arrivals violations =
            new Arrivals(cluster.bootstrapServers(), pipeline.violationsTopic(), k -> k);
        Arrivals alerts =
            new Arrivals(
                cluster.bootstrapServers(),
                pipeline.alertsTopic(),
                EndToEndLatency::serialOfAlert)) {
      Progress.say("latency: warm-up, %,d submissions", warmUp.size());
      ConstantRate.offer(warmUp.size(), rate, i -> submit(pipeline, warmUp.get(i)));
      Progress.say("latency: %,d submissions at %d/s", count, rate);
      long[] intended = ConstantRate.offer(count, rate, i -> submit(pipeline, envelopes.get(i)));
      Histogram toViolation =
          Latencies.of("violations", serials, intended, violations, ARRIVAL_TIMEOUT);
      Histogram toAlert = Latencies.of("alerts", serials, intended, alerts, ARRIVAL_TIMEOUT);
      List<Row> rows = new ArrayList<>();
      String baseline = "raw produce→read_committed consume, same records and rate";
      for (double p : PERCENTILES) {
        String at = " at " + rate + "/s, p" + (p == 99.9 ? "99.9" : String.valueOf((int) p));
        rows.add(new Row(5, "submission→violation" + at, ms(toViolation, p), baseline, ms(raw, p)));
        rows.add(new Row(5, "submission→alert" + at, ms(toAlert, p), baseline, ms(raw, p)));
      }
      return rows;
    }
  }

  private static void submit(Pipeline pipeline, byte[] envelope) {
    pipeline.gateway().submit(Submission.http(envelope, Instant.now(), "bench"));
  }

  /** Alert ids are {@code TYPE:serial@firstSeenMillis}. */
  private static String serialOfAlert(String alertId) {
    return alertId.substring(alertId.indexOf(':') + 1, alertId.lastIndexOf('@'));
  }

  private static Histogram rawBaseline(
      BenchContext context,
      String topic,
      List<byte[]> warmUp,
      List<byte[]> envelopes,
      List<String> serials,
      int rate)
      throws Exception {
    String bootstrap = context.cluster().bootstrapServers();
    context.cluster().createTopics(Set.of(topic));
    try (var producer = Clients.durableProducer(bootstrap);
        Arrivals arrivals = new Arrivals(bootstrap, topic, k -> k)) {
      byte[] warmKey = "warm-up".getBytes(StandardCharsets.UTF_8);
      ConstantRate.offer(
          warmUp.size(),
          rate,
          i -> producer.send(new ProducerRecord<>(topic, warmKey, warmUp.get(i))));
      long[] intended =
          ConstantRate.offer(
              serials.size(),
              rate,
              i ->
                  producer.send(
                      new ProducerRecord<>(
                          topic,
                          serials.get(i).getBytes(StandardCharsets.UTF_8),
                          envelopes.get(i))));
      return Latencies.of("raw", serials, intended, arrivals, ARRIVAL_TIMEOUT);
    }
  }

  private static Row.Measure ms(Histogram histogram, double percentile) {
    return Row.of(histogram.getValueAtPercentile(percentile) / 1000.0, "ms");
  }
}
