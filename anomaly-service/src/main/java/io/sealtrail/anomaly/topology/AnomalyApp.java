package io.sealtrail.anomaly.topology;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** Runs the anomaly service: configuration from a properties file, the topology, the streams. */
public final class AnomalyApp {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private AnomalyApp() {}

  /** Builds the topology the application runs, from its configuration. */
  public static Topology topology(AnomalyConfig config) {
    StreamsBuilder builder = new StreamsBuilder();
    AnomalyTopology.define(
        builder, Topics.from(config.topics(), config.serdeConfig()), config.rules());
    return builder.build(config.streamsProperties());
  }

  /** Usage: {@code AnomalyApp [anomaly-service.properties]}. */
  public static void main(String[] args) throws IOException {
    AnomalyConfig config = AnomalyConfig.from(args.length == 0 ? Map.of() : read(Path.of(args[0])));
    KafkaStreams streams = new KafkaStreams(topology(config), config.streamsProperties());
    // An unexpected error stops this instance; its partitions move to the others.
    streams.setUncaughtExceptionHandler(e -> SHUTDOWN_CLIENT);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> streams.close(CLOSE_TIMEOUT), "anomaly-shutdown"));
    streams.start();
  }

  private static Map<String, String> read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    return properties.stringPropertyNames().stream()
        .collect(Collectors.toMap(k -> k, properties::getProperty));
  }
}
