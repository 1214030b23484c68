package io.sealtrail.custody.service;

import io.sealtrail.platform.http.HttpBinding;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the query API listens, the {@code application.server} other instances forward to, and the
 * directory of {@code <role>.token} files, read from flat keys with defaults.
 *
 * @param bindHost the interface the HTTP server binds
 * @param advertisedHost the name other instances reach this one by; with the port, it is this
 *     instance's {@code application.server}
 * @param port the HTTP port, the same in {@code application.server}; 0 picks a free one
 * @param managementPort where {@code /prometheus} answers ({@code sealtrail.management.port},
 *     default 9464; 0 picks a free one), never on the query port
 */
public record QueryConfig(
    String bindHost, String advertisedHost, int port, Path tokenDir, int managementPort) {
  /** Serves no metrics. */
  public QueryConfig(String bindHost, String advertisedHost, int port, Path tokenDir) {
    this(bindHost, advertisedHost, port, tokenDir, HttpBinding.NO_MANAGEMENT);
  }

  public QueryConfig {
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(advertisedHost, "advertisedHost");
    Objects.requireNonNull(tokenDir, "tokenDir");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("http port must be 0..65535, got " + port);
    }
  }

  /** The configuration in {@code flat}, each key falling back to its documented default. */
  public static QueryConfig from(Map<String, String> flat) {
    return new QueryConfig(
        flat.getOrDefault("sealtrail.http.host", "0.0.0.0"),
        flat.getOrDefault("sealtrail.http.advertised-host", "localhost"),
        Integer.parseInt(flat.getOrDefault("sealtrail.http.port", "8082")),
        Path.of(flat.getOrDefault("sealtrail.tokens.dir", "/etc/sealtrail/tokens")),
        HttpBinding.managementPort(flat));
  }
}
