package io.sealtrail.custody.service;

import static io.sealtrail.platform.env.EnvSetting.optional;
import static io.sealtrail.platform.env.EnvSetting.required;

import io.sealtrail.custody.topology.CustodyStreamConfig;
import io.sealtrail.platform.env.EnvConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a custody-stream container is configured with: every environment variable {@link
 * CustodyMain} reads (documented in deploy/README.md), turned into the flat keys of {@link
 * CustodyStreamConfig} and {@link QueryConfig}, whose defaults apply to what is unset.
 */
public record CustodyEnvironment(CustodyStreamConfig streams, QueryConfig query) {
  static final String ADVERTISED_HOST = "sealtrail.http.advertised-host";

  /** Every variable custody-stream reads, besides the {@code KAFKA_CLIENT_*} settings. */
  public static final EnvConfig VARIABLES =
      new EnvConfig(
          List.of(
              required("bootstrap.servers"),
              required("schema.registry.url"),
              optional("application.id"),
              optional("state.dir"),
              optional("num.standby.replicas"),
              optional("errors.dead.letter.queue.topic.name"),
              optional("sealtrail.topic.events"),
              optional("sealtrail.topic.state"),
              optional("sealtrail.topic.violations"),
              optional("sealtrail.topic.releases"),
              optional("sealtrail.detect.grace"),
              optional("sealtrail.detect.min-transit.default"),
              optional("sealtrail.detect.min-transit"),
              optional("sealtrail.http.host"),
              optional("sealtrail.http.port"),
              optional("sealtrail.management.port"),
              optional(ADVERTISED_HOST),
              optional("sealtrail.tokens.dir")));

  /**
   * Reads {@code env}; the advertised host defaults to {@code HOSTNAME}, the name other instances
   * reach a pod or container by.
   */
  public static CustodyEnvironment from(Map<String, String> env) {
    Map<String, String> flat = new HashMap<>(VARIABLES.read(env));
    if (env.containsKey("HOSTNAME")) {
      flat.putIfAbsent(ADVERTISED_HOST, env.get("HOSTNAME"));
    }
    return new CustodyEnvironment(CustodyStreamConfig.from(flat), QueryConfig.from(flat));
  }
}
