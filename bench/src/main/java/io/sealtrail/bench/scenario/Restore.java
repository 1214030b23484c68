package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.kafka.TopicReader;
import io.sealtrail.bench.stream.RestoreCounter;
import io.sealtrail.bench.stream.StreamsRun;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Item 8: a custody-stream instance with an empty state directory rebuilds the lot's stores from
 * their changelogs, against a plain read_committed consumer reading the same changelogs; and item
 * 7's state bytes per serial: the stores on disk against their changelog records.
 */
public final class Restore implements Scenario {
  @Override
  public String name() {
    return "restore";
  }

  @Override
  public List<Row> run(BenchContext context) throws Exception {
    CustodyConfig config =
        context
            .recalled(Queries.LOT_CONFIG, CustodyConfig.class)
            .orElseThrow(() -> new IllegalStateException("restore needs queries first"));
    int serials = context.recalled(Queries.LOT_DEVICES, Integer.class).orElseThrow();
    List<String> changelogs =
        context.cluster().admin().listTopics().names().get().stream()
            .filter(
                t ->
                    t.startsWith(config.streams().applicationId() + "-")
                        && t.endsWith("-changelog"))
            .sorted()
            .toList();
    long onDisk = sizeOf(Path.of(config.streams().stateDir()));
    Progress.say("restore: raw consumer over %s", changelogs);
    var raw =
        TopicReader.readAll(
            context.cluster().bootstrapServers(), changelogs, Duration.ofMinutes(5), r -> {});
    Progress.say("  %,d records, %,d bytes in %.1f s", raw.records(), raw.bytes(), raw.seconds());
    RestoreCounter counter = restore(context, config);
    Progress.say("  restored %,d records in %.1f s", counter.records(), counter.seconds());
    return List.of(
        new Row(
            8,
            "custody state restore from changelogs (" + counter.records() + " records)",
            Row.of(counter.records() / counter.seconds(), "records/s"),
            "raw read_committed consumer, same changelogs",
            Row.of(raw.recordsPerSecond(), "records/s")),
        new Row(
            7,
            "custody state on disk (RocksDB, all stores) per serial, " + serials + " serials",
            Row.of((double) onDisk / serials, "B/serial"),
            "changelog records (key + value) per serial",
            Row.of((double) raw.bytes() / serials, "B/serial")));
  }

  private static RestoreCounter restore(BenchContext context, CustodyConfig config)
      throws Exception {
    Path empty = context.cluster().directory(config.streams().applicationId() + "-restored");
    Properties properties = config.streams().properties();
    properties.put(StreamsConfig.STATE_DIR_CONFIG, empty.toString());
    var counter = new RestoreCounter();
    try (KafkaStreams streams = new KafkaStreams(CustodyNode.topology(config), properties)) {
      streams.setGlobalStateRestoreListener(counter);
      Progress.say("restore: custody-stream with an empty state directory");
      StreamsRun.startAndAwaitRunning(streams);
    }
    return counter;
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
