package io.sealtrail.ingest.http;

import java.util.Map;
import java.util.Objects;

/**
 * Where the HTTP server listens and any further Micronaut or {@code sealtrail.http.*} properties.
 *
 * @param port 0 picks a free port
 */
public record HttpBinding(String host, int port, Map<String, Object> properties) {
  public HttpBinding {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not a TCP port");
    }
    properties = Map.copyOf(properties);
  }
}
