package io.sealtrail.custody.topology;

import io.sealtrail.custody.process.Storage;
import io.sealtrail.custody.service.CustodyStreamService;
import io.sealtrail.custody.service.QueryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** Runs custody-stream: configuration from a properties file, the topology, and the service. */
public final class CustodyStreamApp {
  private CustodyStreamApp() {}

  /** Builds the topology the application runs, from its configuration. */
  public static Topology topology(CustodyStreamConfig config) {
    StreamsBuilder builder = new StreamsBuilder();
    Topics topics = Topics.from(config.topics(), config.serdeConfig());
    CustodyTopology.define(builder, topics, config.rules(), Storage.PERSISTENT);
    return builder.build(config.streamsProperties());
  }

  /** Usage: {@code CustodyStreamApp [custody-stream.properties]}: streams and query API. */
  public static void main(String[] args) throws IOException {
    Map<String, String> flat = load(args);
    CustodyStreamService service =
        CustodyStreamService.start(CustodyStreamConfig.from(flat), QueryConfig.from(flat));
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "custody-shutdown"));
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
