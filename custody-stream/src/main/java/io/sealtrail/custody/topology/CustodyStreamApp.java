package io.sealtrail.custody.topology;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import io.sealtrail.custody.process.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** Runs custody-stream: configuration from a properties file, the topology, and the streams. */
public final class CustodyStreamApp {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private CustodyStreamApp() {}

  /** Builds the topology the application runs, from its configuration. */
  public static Topology topology(CustodyStreamConfig config) {
    StreamsBuilder builder = new StreamsBuilder();
    Topics topics = Topics.from(config.topics(), config.serdeConfig());
    CustodyTopology.define(builder, topics, config.rules(), Storage.PERSISTENT);
    return builder.build(config.streamsProperties());
  }

  /** Usage: {@code CustodyStreamApp [custody-stream.properties]}. */
  public static void main(String[] args) throws IOException {
    CustodyStreamConfig config = CustodyStreamConfig.from(load(args));
    KafkaStreams streams = new KafkaStreams(topology(config), config.streamsProperties());
    // An unexpected error stops this instance; its partitions move to the others.
    streams.setUncaughtExceptionHandler(e -> SHUTDOWN_CLIENT);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> streams.close(CLOSE_TIMEOUT), "custody-shutdown"));
    streams.start();
  }

  private static Map<String, String> load(String[] args) throws IOException {
    Properties properties = new Properties();
    if (args.length > 0) {
      try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
        properties.load(in);
      }
    }
    Map<String, String> flat = new HashMap<>();
    properties.stringPropertyNames().forEach(k -> flat.put(k, properties.getProperty(k)));
    return flat;
  }
}
