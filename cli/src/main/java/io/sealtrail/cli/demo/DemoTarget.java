package io.sealtrail.cli.demo;

import io.sealtrail.cli.local.LocalConfig;
import io.sealtrail.cli.local.LocalPlatform;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The running platform the demo plays against: its HTTP API, the directory of its role tokens, and
 * the Kafka bootstrap and registry the demo reads alerts through.
 */
public record DemoTarget(URI http, Path tokensDir, String bootstrapServers, String registryUrl) {
  public DemoTarget {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(tokensDir, "tokensDir");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(registryUrl, "registryUrl");
  }

  /** Local mode's platform, as {@code config} started it. */
  public static DemoTarget onLocal(LocalPlatform platform, LocalConfig config) {
    return new DemoTarget(
        platform.httpUrl(),
        config.tokensDir(),
        platform.bootstrapServers(),
        platform.registryUrl().toString());
  }

  Path token(String role) {
    return tokensDir.resolve(role + ".token");
  }
}
