package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.kafka.TopicCopy;
import io.sealtrail.bench.stream.CustodyApp;
import io.sealtrail.bench.stream.PassThrough;
import io.sealtrail.bench.stream.StreamsRun;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyNode;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Item 4 (and issue #9's throughput note): custody-stream's events per second over the events
 * ingest accepted in item 2, against a pass-through topology with the same processing guarantee on
 * the same input; and exactly-once against at-least-once for both.
 */
public final class CustodyThroughput implements Scenario {
  @Override
  public String name() {
    return "custody-stream";
  }

  @Override
  public List<Row> run(BenchContext context) throws Exception {
    String accepted =
        context
            .recalled(IngestKafkaPath.EVENTS_TOPIC, String.class)
            .orElseThrow(
                () -> new IllegalStateException("custody-stream needs ingest-kafka first"));
    String input = context.fresh("custody-input");
    long events = TopicCopy.copy(context.cluster(), accepted, input);
    Progress.say("custody-stream: %,d events from ingest copied to %s", events, input);
    double passEos = passThrough(context, input, StreamsConfig.EXACTLY_ONCE_V2);
    double custodyEos = custody(context, input, StreamsConfig.EXACTLY_ONCE_V2);
    double passAlos = passThrough(context, input, StreamsConfig.AT_LEAST_ONCE);
    double custodyAlos = custody(context, input, StreamsConfig.AT_LEAST_ONCE);
    String unit = "events/s";
    return List.of(
        new Row(
            4,
            "custody-stream, exactly_once_v2",
            Row.of(custodyEos, unit),
            "pass-through topology, exactly_once_v2",
            Row.of(passEos, unit)),
        new Row(
            4,
            "custody-stream, at_least_once",
            Row.of(custodyAlos, unit),
            "pass-through topology, at_least_once",
            Row.of(passAlos, unit)),
        new Row(
            4,
            "custody-stream, exactly_once_v2",
            Row.of(custodyEos, unit),
            "custody-stream, at_least_once",
            Row.of(custodyAlos, unit)),
        new Row(
            4,
            "pass-through, exactly_once_v2",
            Row.of(passEos, unit),
            "pass-through, at_least_once",
            Row.of(passAlos, unit)));
  }

  private static double passThrough(BenchContext context, String input, String guarantee)
      throws Exception {
    String appId = context.fresh("pass-" + guarantee);
    context.cluster().createTopics(Set.of(appId + ".out"));
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, context.cluster().bootstrapServers());
    p.put(StreamsConfig.STATE_DIR_CONFIG, context.cluster().directory(appId).toString());
    p = CustodyApp.withGuarantee(p, guarantee);
    Progress.say("custody-stream: pass-through, %s", guarantee);
    double rate =
        StreamsRun.recordsPerSecond(
            context.cluster().admin(), PassThrough.topology(input, appId + ".out", p), p, input);
    Progress.say("  %,.0f events/s", rate);
    return rate;
  }

  private static double custody(BenchContext context, String input, String guarantee)
      throws Exception {
    String appId = context.fresh("custody-" + guarantee);
    CustodyConfig config =
        CustodyApp.config(context.cluster(), appId, input, context.cluster().directory(appId));
    Properties p = CustodyApp.withGuarantee(config.streams().properties(), guarantee);
    Progress.say("custody-stream: custody topology, %s", guarantee);
    double rate =
        StreamsRun.recordsPerSecond(
            context.cluster().admin(), CustodyNode.topology(config), p, input);
    Progress.say("  %,.0f events/s", rate);
    return rate;
  }
}
