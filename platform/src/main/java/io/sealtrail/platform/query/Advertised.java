package io.sealtrail.platform.query;

import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.HttpSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where an instance whose stores other instances read (queries, spike charts) serves, and what it
 * tells Kafka Streams of it: the port is fixed (0 resolved to a free one) before the streams exist,
 * because {@code application.server} is handed to every other instance with the partitions.
 *
 * @param binding where the instance's server listens
 * @param host the name and port other instances forward reads to
 */
public record Advertised(HttpBinding binding, HostInfo host) {
  public Advertised {
    Objects.requireNonNull(binding, "binding");
    Objects.requireNonNull(host, "host");
  }

  /** The binding {@code http} describes, its port made concrete, advertised under its host name. */
  public static Advertised of(HttpSettings http) {
    HttpBinding binding = http.binding(Map.of()).withConcretePort();
    return new Advertised(binding, new HostInfo(http.advertisedHost(), binding.port()));
  }

  /** {@code streams} with {@code application.server} set to this host. */
  public Properties into(Properties streams) {
    streams.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host.host() + ":" + host.port());
    return streams;
  }
}
